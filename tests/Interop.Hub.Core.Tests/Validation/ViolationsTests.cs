using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Tests.Validation;

public class ViolationsTests
{
    [Fact]
    public void ThrowIfAny_WithThousandsOfViolations_ListsTheFirstAndCountsTheRest()
    {
        var v = new Violations();
        for (var i = 0; i < 5000; i++)
        {
            v.Add($"kinds[{i}]", "is not a change kind.");
        }

        var refusal = Assert.Throws<ValidationException>(v.ThrowIfAny);

        Assert.Equal(Violations.MaxListed + 1, refusal.Violations.Count);
        Assert.Equal("kinds[0]", refusal.Violations[0].Field);
        Assert.Equal($"and {5000 - Violations.MaxListed} more violations not listed; fix these and send again.", refusal.Violations[^1].Description);
    }

    [Fact]
    public void ThrowIfAny_WithoutViolations_DoesNothing() => new Violations().ThrowIfAny();

    [Theory]
    [InlineData("14118", "'14118'")]
    [InlineData("a\0b\nc", "'a?b?c'")]
    [InlineData(null, "''")]
    public void Quote_ShowsShortValuesWithControlCharactersMasked(string? value, string expected) =>
        Assert.Equal(expected, Violations.Quote(value));

    [Fact]
    public void Quote_CutsLongValues() =>
        Assert.Equal("'" + new string('x', Violations.MaxQuoted) + "…'", Violations.Quote(new string('x', 100_000)));
}
