using Interop.Hub.Core.Statistics;

namespace Interop.Hub.Core.Tests.Statistics;

public sealed class NeededTypologiesTests
{
    [Theory]
    [InlineData(1, false, 0, NeededTypology.T1OrT2)]
    [InlineData(2, true, 0, NeededTypology.T2)]
    [InlineData(2, false, 1, NeededTypology.T3)]
    [InlineData(2, false, 0, NeededTypology.T2)]
    [InlineData(3, true, 1, NeededTypology.T3)]
    [InlineData(4, false, 3, NeededTypology.T4)]
    [InlineData(5, true, 3, NeededTypology.T5)]
    [InlineData(9, true, 7, NeededTypology.T6Plus)]
    public void Of_FollowsDomain64(int size, bool coApplicant, int children, NeededTypology expected) =>
        Assert.Equal(expected, NeededTypologies.Of(size, coApplicant, children));
}
