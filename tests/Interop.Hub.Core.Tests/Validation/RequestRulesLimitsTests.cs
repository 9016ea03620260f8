using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Tests.Validation;

public class RequestRulesLimitsTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    [InlineData(501, 500)]
    [InlineData(int.MaxValue, 500)]
    public void PageSize_ZeroIsTheDefault_AndAHugeOneIsCapped(int requested, int served)
    {
        var v = new Violations();

        Assert.Equal(served, RequestRules.PageSize(requested, 50, 500, v));
        Assert.False(v.Any);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void PageSize_Negative_IsRefused(int requested)
    {
        var v = new Violations();

        RequestRules.PageSize(requested, 50, 500, v);

        Assert.Equal("page_size", Assert.Single(v.All).Field);
    }

    [Theory]
    [InlineData("", true, "display_name")]
    [InlineData("   ", true, "display_name")]
    [InlineData("ok\0", false, "display_name")]
    [InlineData("ok\u0085", false, "display_name")]
    public void Text_MissingWhenRequiredOrWithControlCharacters_IsRefused(string value, bool required, string field)
    {
        var v = new Violations();

        RequestRules.Text(value, field, 200, required, v);

        Assert.Equal(field, Assert.Single(v.All).Field);
    }

    [Fact]
    public void Text_LongerThanTheMaximumInCodePoints_IsRefused()
    {
        var v = new Violations();

        RequestRules.Text(string.Concat(Enumerable.Repeat("🙂", 201)), "display_name", 200, required: true, v);
        RequestRules.Text(string.Concat(Enumerable.Repeat("🙂", 200)), "other", 200, required: true, v);

        Assert.Equal("display_name", Assert.Single(v.All).Field);
    }

    [Fact]
    public void ListSize_OverTheMaximum_IsOneViolationOnTheList()
    {
        var v = new Violations();

        Assert.False(RequestRules.ListSize(3001, "kinds", 20, v));
        Assert.True(RequestRules.ListSize(20, "departements", 20, v));

        Assert.Equal("kinds", Assert.Single(v.All).Field);
    }
}
