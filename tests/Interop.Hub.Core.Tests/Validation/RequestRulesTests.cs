using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Tests.Validation;

public class RequestRulesTests
{
    private static IEnumerable<string> Fields(Action<Violations> rule)
    {
        var v = new Violations();
        rule(v);
        return v.All.Select(f => f.Field);
    }

    // ---- request_id ----

    [Theory]
    [InlineData("123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("123E4567-E89B-12D3-A456-426614174000")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void RequestId_StandardUuid_IsAccepted(string id) =>
        Assert.Empty(Fields(v => RequestRules.RequestId(id, v)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("123e4567e89b12d3a456426614174000")]
    [InlineData("{123e4567-e89b-12d3-a456-426614174000}")]
    [InlineData(" 123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("123e4567-e89b-12d3-a456-42661417400g")]
    [InlineData("123e4567-e89b-12d3-a4564-26614174000")]
    public void RequestId_MissingOrNotStandardUuid_ReportsRequestId(string? id) =>
        Assert.Equal(["request_id"], Fields(v => RequestRules.RequestId(id, v)));

    // ---- application name ----

    [Theory]
    [InlineData("applications/014250314ABC0000017", "014250314ABC0000017")]
    [InlineData("applications/ 014abc ", "014ABC")]
    [InlineData("applications/7", "7")]
    [InlineData("applications/ABCDEFGHIJ0123456789", "ABCDEFGHIJ0123456789")]
    public void TryParseApplicationName_WellFormed_ReturnsNormalisedNumber(string name, string expected)
    {
        Assert.True(RequestRules.TryParseApplicationName(name, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("014250314ABC0000017")]
    [InlineData("application/014")]
    [InlineData("Applications/014")]
    [InlineData("applications/")]
    [InlineData("applications/   ")]
    [InlineData("applications/ABCDEFGHIJ0123456789X")]
    [InlineData("applications/014-250")]
    [InlineData("applications/014/revisions/2")]
    [InlineData("applications/0142é")]
    public void TryParseApplicationName_Malformed_ReturnsFalseAndEmptyNumber(string? name)
    {
        Assert.False(RequestRules.TryParseApplicationName(name, out var number));
        Assert.Equal("", number);
    }

    [Fact]
    public void ApplicationName_WellFormed_GivesNumberWithoutViolation()
    {
        var v = new Violations();

        RequestRules.ApplicationName("applications/014abc", "name", v, out var number);

        Assert.False(v.Any);
        Assert.Equal("014ABC", number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("applications/01 4")]
    public void ApplicationName_MissingOrMalformed_ReportsGivenField(string? name)
    {
        var v = new Violations();

        RequestRules.ApplicationName(name, "application.name", v, out var number);

        Assert.Equal("application.name", Assert.Single(v.All).Field);
        Assert.Equal("", number);
    }

    // ---- expected_revision ----

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ExpectedRevision_NotPositive_ReportsExpectedRevision(long revision) =>
        Assert.Equal(["expected_revision"], Fields(v => RequestRules.ExpectedRevision(revision, v)));

    [Theory]
    [InlineData(1)]
    [InlineData(long.MaxValue)]
    public void ExpectedRevision_Positive_IsAccepted(long revision) =>
        Assert.Empty(Fields(v => RequestRules.ExpectedRevision(revision, v)));

    // ---- département ----

    [Theory]
    [InlineData("01")]
    [InlineData("14")]
    [InlineData("2A")]
    [InlineData("2B")]
    [InlineData("95")]
    [InlineData("974")]
    [InlineData("976")]
    public void Departement_InseeCode_IsAccepted(string code) =>
        Assert.Empty(Fields(v => RequestRules.Departement(code, "application.departement", v)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("20")]
    [InlineData("2a")]
    [InlineData("96")]
    [InlineData("975")]
    [InlineData("014")]
    [InlineData("14 ")]
    public void Departement_MissingOrUnknown_ReportsGivenField(string? code) =>
        Assert.Equal(["application.departement"], Fields(v => RequestRules.Departement(code, "application.departement", v)));

    // ---- desk ----

    [Theory]
    [InlineData("14ABC")]
    [InlineData("00001")]
    [InlineData("ZZZZZ")]
    public void DeskCode_FiveUpperAlphanumerics_IsAccepted(string code) =>
        Assert.Empty(Fields(v => RequestRules.DeskCode(code, "registering_desk", v)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("14AB")]
    [InlineData("14ABCD")]
    [InlineData("14abc")]
    [InlineData("14 AB")]
    [InlineData("14-AB")]
    [InlineData("14ABÉ")]
    public void DeskCode_Malformed_ReportsGivenField(string? code) =>
        Assert.Equal(["registering_desk"], Fields(v => RequestRules.DeskCode(code, "registering_desk", v)));

    // ---- the collector ----

    [Fact]
    public void ThrowIfAny_NoViolation_DoesNotThrow()
    {
        var v = new Violations();

        v.ThrowIfAny();

        Assert.False(v.Any);
        Assert.Empty(v.All);
    }

    [Fact]
    public void ThrowIfAny_SeveralViolations_ThrowsWithAllInOrder()
    {
        var v = new Violations();
        RequestRules.RequestId("nope", v);
        RequestRules.ExpectedRevision(0, v);

        var e = Assert.Throws<Interop.Hub.Core.Errors.ValidationException>(v.ThrowIfAny);

        Assert.Equal(["request_id", "expected_revision"], e.Violations.Select(f => f.Field));
        Assert.Equal(Interop.Hub.Core.Errors.ErrorReasons.InvalidArgument, e.Reason);
    }
}
