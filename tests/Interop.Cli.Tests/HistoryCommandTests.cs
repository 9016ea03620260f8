using Interop.Contracts.V1;

namespace Interop.Cli.Tests;

/// <summary>
/// <c>interop applications history</c> (the changes, field by field) and <c>applications get --as-of</c>
/// (a past state) over an application registered, renamed and radiated on three days.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class HistoryCommandTests(InstalledCli cli, ChangedApplication changed) : IClassFixture<ChangedApplication>
{
    private CliHub Hub => changed.Hub;

    private string Number => changed.Registered.Number;

    private string OldLastName => changed.Registered.Applicant.LastName;

    [Fact]
    public async Task History_ListsTheThreeChangesInOrder_WithTheRenamedFieldOldToNew()
    {
        var result = await cli.RunAsync(Hub.AsRegistrar("applications", "history", Number));

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Matches(@"^REVISION\s+TIME\s+ACTOR\s+KIND$", lines[0]);
        var registered = lines.FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^1\s+2026-03-10 10:00:00 \+01:00\s+organizations/test-registrar\s+registered$"));
        var updated = lines.FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^2\s+2026-03-11 10:00:00 \+01:00\s+organizations/test-registrar\s+updated$"));
        var radiated = lines.FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^3\s+2026-03-12 10:00:00 \+01:00\s+organizations/test-registrar\s+radiated$"));
        Assert.True(registered > 0 && updated > registered && radiated > updated, result.Output);
        Assert.Contains($"    applicant.last_name: - → {OldLastName}", lines[registered..updated]);
        Assert.Equal([$"    applicant.last_name: {OldLastName} → {ChangedApplication.NewLastName}"], lines[(updated + 1)..radiated]);
        Assert.Contains("    status: APPLICATION_STATUS_ACTIVE → APPLICATION_STATUS_RADIATED", lines[radiated..]);
        Assert.Contains("    radiation.reason: - → RADIATION_REASON_RENUNCIATION", lines[radiated..]);
    }

    [Fact]
    public async Task History_Json_IsOneApplicationChangePerLine()
    {
        var result = await cli.RunAsync(Hub.AsRegistrar("applications", "history", changed.Registered.Name, "--json"));

        Assert.True(result.ExitCode == 0, result.Error);
        var changes = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ApplicationChange.Parser.ParseJson).ToList();
        Assert.Equal([1L, 2L, 3L], changes.Select(c => c.Revision));
        Assert.Equal([ChangeKind.Registered, ChangeKind.Updated, ChangeKind.Radiated], changes.Select(c => c.Kind));
        var renamed = Assert.Single(changes[1].FieldChanges);
        Assert.Equal(("applicant.last_name", OldLastName, ChangedApplication.NewLastName), (renamed.Field, renamed.OldValue.StringValue, renamed.NewValue.StringValue));
        Assert.All(changes, c => Assert.True(c.StateRecorded));
    }

    [Fact]
    public async Task History_Reads_StillPrintsTheAuditTrail()
    {
        var result = await cli.RunAsync(Hub.AsRegistrar("applications", "history", Number, "--reads", "--json"));

        Assert.True(result.ExitCode == 0, result.Error);
        var records = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(AuditRecord.Parser.ParseJson).ToList();
        Assert.Contains(records, r => r.Action == AuditAction.Change && r.Method.EndsWith("/UpdateApplication", StringComparison.Ordinal));
        Assert.All(records, r => Assert.Equal(changed.Registered.Name, r.Application));
    }

    [Fact]
    public async Task GetAsOf_TheDayBeforeTheUpdate_ShowsTheOldName_AndATimeAfterItTheNewOne()
    {
        var before = await cli.RunAsync(Hub.AsRegistrar("applications", "get", Number, "--as-of", "2026-03-10"));
        var after = await cli.RunAsync(Hub.AsRegistrar("applications", "get", Number, "--as-of", "2026-03-11T09:30:00Z", "--json"));
        var now = await cli.RunAsync(Hub.AsRegistrar("applications", "get", Number));

        Assert.True(before.ExitCode == 0, before.Error);
        Assert.StartsWith("as of:            2026-03-10 23:59:59 +01:00\n", before.Output, StringComparison.Ordinal);
        Assert.Contains($"applicant:        {OldLastName} ", before.Output, StringComparison.Ordinal);
        Assert.Contains("revision:         1\n", before.Output, StringComparison.Ordinal);
        Assert.Contains("status:           active\n", before.Output, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.Error);
        var past = Application.Parser.ParseJson(after.Output.Trim());
        Assert.Equal((2L, ChangedApplication.NewLastName, ApplicationStatus.Active), (past.Revision, past.Applicant.LastName, past.Status));
        Assert.Contains("status:           radiated (renunciation)\n", now.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsOf_BeforeTheRegistration_IsNotFoundExitOne()
    {
        var result = await cli.RunAsync(Hub.AsRegistrar("applications", "get", Number, "--as-of", "2026-03-10T09:59"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("interop: NOT_FOUND", result.Error, StringComparison.Ordinal);
        Assert.Contains("registered later", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("2090-01-01", "interop: --as-of 2090-01-01 is in the future (it is ")]
    [InlineData("2090-01-01T10:00+01:00", "interop: --as-of 2090-01-01T10:00+01:00 is in the future (it is ")]
    [InlineData("10/03/2026", "interop: --as-of '10/03/2026' is not a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM[:SS]")]
    public async Task GetAsOf_AFutureOrMalformedDate_IsAUsageErrorExitTwo(string asOf, string message)
    {
        var result = await cli.RunAsync(Hub.AsRegistrar("applications", "get", Number, "--as-of", asOf));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }
}
