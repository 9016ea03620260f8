using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Tests.Matching.Scoring;

/// <summary>Sanity of the hand-set model the hub scores with.</summary>
public sealed class MatchModelTests
{
    public static TheoryData<MatchField> Fields() => [.. Enum.GetValues<MatchField>()];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Default_ExactAgreementWeighsMostOfAnyLevel(MatchField field)
    {
        // A typo or a partial agreement can never be stronger evidence than the same value.
        var model = MatchModel.Default;
        var exact = model.Weight(field, MatchLevel.Exact);

        foreach (var level in MatchModel.LevelsOf(field).Where(l => l != MatchLevel.Exact))
        {
            Assert.True(model.Weight(field, level) <= exact, $"{field} {level} weighs {model.Weight(field, level):F2} bits, exact {exact:F2}");
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Default_DisagreementNeverCountsForAMatch(MatchField field)
    {
        var model = MatchModel.Default;
        if (model.Applies(field, MatchLevel.Different))
        {
            Assert.True(model.Weight(field, MatchLevel.Different) < 0, $"{field} Different weighs {model.Weight(field, MatchLevel.Different):F2} bits");
        }
    }
}
