using Google.Protobuf;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary><c>interop applications register|get|list|update|history --reads</c> against a real hub, read back through the contract.</summary>
[Collection(CliCollection.Name)]
public sealed class ApplicationCommandTests(InstalledCli cli, CliHub hub) : IClassFixture<CliHub>, IDisposable
{
    private readonly ApplicationFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Register_FromAJsonFileAtADesk_PrintsTheNewNumber()
    {
        var household = TestApplications.Valid();

        var result = await cli.RunAsync(hub.AsRegistrar("applications", "register", "--file", files.Write(household), "--desk", "B0002"));

        Assert.True(result.ExitCode == 0, result.Error);
        var number = Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Output, @"^registered (0142603B0002\d{5}[0-9A-Z]): active, revision 1, expires \d{4}-\d{2}-\d{2}$", System.Text.RegularExpressions.RegexOptions.Multiline)).Groups[1].Value;
        var stored = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + number });
        Assert.Equal(household.Applicant.LastName, stored.Applicant.LastName);
        Assert.Equal("B0002", stored.RegisteringDesk);
    }

    [Fact]
    public async Task Register_FromStandardInputWithJson_PrintsTheResponseAsProtobufJson()
    {
        var household = TestApplications.Valid();

        var result = await cli.RunAsync(hub.AsRegistrar("applications", "register", "--file", "-", "--desk", "B0001", "--json"), null, JsonFormatter.Default.Format(household));

        Assert.True(result.ExitCode == 0, result.Error);
        var response = CreateApplicationResponse.Parser.ParseJson(result.Output.Trim());
        Assert.Equal(household.Applicant.LastName, response.Application.Applicant.LastName);
        Assert.Equal(1, response.Application.Revision);
    }

    [Fact]
    public async Task Register_BirthDateInTheFuture_PrintsTheFieldViolationOnOneLineAndExitsOne()
    {
        var household = TestApplications.Valid();
        household.Applicant.BirthDate = new Google.Type.Date { Year = 2090, Month = 1, Day = 1 };
        household.ReasonCodes.Clear();

        var result = await cli.RunAsync(hub.AsRegistrar("applications", "register", "--file", files.Write(household), "--desk", "B0001"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("interop: INVALID_ARGUMENT (INVALID_ARGUMENT): ", line, StringComparison.Ordinal);
        Assert.Contains("application.applicant.birth_date: ", line, StringComparison.Ordinal);
        Assert.Contains("; application.reason_codes: ", line, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Register_FileThatIsNotAnApplication_IsAUsageError()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("applications", "register", "--file", files.Write("""{ "applicant": { "shoeSize": 42 } }""")));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("interop: --file ", result.Error, StringComparison.Ordinal);
        Assert.Contains("not protobuf JSON of interop.v1.Application", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ShowsTheApplicationAndItsRevisionOrItsJson()
    {
        var registered = await hub.RegisterAsync();

        var sheet = await cli.RunAsync(hub.AsRegistrar("applications", "get", registered.Number));
        var json = await cli.RunAsync(hub.AsRegistrar("applications", "get", registered.Name, "--json"));

        Assert.True(sheet.ExitCode == 0, sheet.Error);
        Assert.Contains($"number:           {registered.Number}\n", sheet.Output, StringComparison.Ordinal);
        Assert.Contains("status:           active\n", sheet.Output, StringComparison.Ordinal);
        Assert.Contains("revision:         1\n", sheet.Output, StringComparison.Ordinal);
        Assert.Contains($"filed:            {registered.FiledDate.Year:0000}-{registered.FiledDate.Month:00}-{registered.FiledDate.Day:00}\n", sheet.Output, StringComparison.Ordinal);
        Assert.Equal(registered, Application.Parser.ParseJson(json.Output.Trim()));
    }

    [Fact]
    public async Task Get_UnknownNumberAsAdministrator_IsNotFoundExitOne()
    {
        var result = await cli.RunAsync(hub.AsAdministrator("applications", "get", "0142603B000199999Z"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("interop: NOT_FOUND (NOT_FOUND): ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ByDepartement_PrintsATableOrOneJsonObjectPerLine()
    {
        var orne = TestApplications.Valid();
        orne.Departement = "61";
        orne.Wishes.CommuneCodes.Clear();
        orne.Wishes.CommuneCodes.Add("61001");
        var first = await hub.RegisterAsync(orne.Clone());
        orne.Applicant.LastName = TestApplications.UniqueName();
        orne.Applicant.FirstNames[0] = TestApplications.UniqueName();
        var second = await hub.RegisterAsync(orne);

        var table = await cli.RunAsync(hub.AsRegistrar("applications", "list", "--departement", "61"));
        var json = await cli.RunAsync(hub.AsRegistrar("applications", "list", "--departement", "61", "--json"));

        Assert.True(table.ExitCode == 0, table.Error);
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NUMBER\s+STATUS\s+DEP\s+DESK\s+FILED\s+EXPIRES\s+REV\s+APPLICANT$", lines[0]);
        Assert.Equal([first.Number, second.Number], lines.Skip(1).Select(l => l.Split(' ')[0]));
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\S{18}\s+active\s+61\s+B0001\s+\d{4}-\d{2}-\d{2}\s+\d{4}-\d{2}-\d{2}\s+1\s+", l));
        Assert.Equal([first, second], json.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Application.Parser.ParseJson));
    }

    [Fact]
    public async Task List_BadDepartement_IsInvalidArgumentNamingTheField()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("applications", "list", "--departement", "1X"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("interop: INVALID_ARGUMENT (INVALID_ARGUMENT): departement: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_NamedFieldsWithTheRevision_ChangesOnlyThose()
    {
        var registered = await hub.RegisterAsync();
        var changed = registered.Clone();
        changed.Wishes.CommuneCodes.Clear();
        changed.Wishes.CommuneCodes.Add("14327");
        changed.CurrentHousing = HousingSituation.Shelter;

        var result = await cli.RunAsync(hub.AsRegistrar(
            "applications", "update", registered.Number, "--file", files.Write(changed), "--mask", "wishes", "--expected-revision", "1"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith($"updated {registered.Number}: active, revision 2", result.Output, StringComparison.Ordinal);
        var stored = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = registered.Name });
        Assert.Equal(["14327"], stored.Wishes.CommuneCodes);
        Assert.Equal(registered.CurrentHousing, stored.CurrentHousing);
    }

    [Fact]
    public async Task Update_CurrentDwellingMask_SetsRoomsAndRent_AndGetShowsThem()
    {
        var registered = await hub.RegisterAsync();
        var changed = registered.Clone();
        changed.CurrentDwelling = new CurrentDwellingFacts { MainRooms = 2, MonthlyRentEur = 0 };

        var result = await cli.RunAsync(hub.AsRegistrar(
            "applications", "update", registered.Number, "--file", files.Write(changed), "--mask", "current_dwelling", "--expected-revision", "1"));
        var sheet = await cli.RunAsync(hub.AsRegistrar("applications", "get", registered.Number));

        Assert.True(result.ExitCode == 0, result.Error);
        var stored = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = registered.Name });
        Assert.Equal((2L, 2, true, 0L), (stored.Revision, stored.CurrentDwelling.MainRooms, stored.CurrentDwelling.HasMonthlyRentEur, stored.CurrentDwelling.MonthlyRentEur));
        Assert.Contains("dwelling:         2 main rooms, rent 0 EUR/month", sheet.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_StaleRevision_IsAbortedWithTheReasonAndChangesNothing()
    {
        var registered = await hub.RegisterAsync();
        var changed = registered.Clone();
        changed.CurrentHousing = HousingSituation.Shelter;

        var result = await cli.RunAsync(hub.AsRegistrar(
            "applications", "update", registered.Number, "--file", files.Write(changed), "--mask", "current_housing", "--expected-revision", "7"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("interop: ABORTED (REVISION_MISMATCH): ", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = registered.Name })).Revision);
    }

    [Fact]
    public async Task Update_UnknownMaskField_IsAUsageError()
    {
        var result = await cli.RunAsync(hub.AsRegistrar(
            "applications", "update", "0142603B000100001X", "--file", files.Write("{}"), "--mask", "wishes,shoe_size", "--expected-revision", "1"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--mask: unknown field(s) shoe_size", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryReads_ShowsWhoReadAndChangedTheApplication()
    {
        var registered = await hub.RegisterAsync();
        await cli.RunAsync(hub.AsRegistrar("applications", "get", registered.Number));

        var table = await cli.RunAsync(hub.AsRegistrar("applications", "history", registered.Number, "--reads"));
        var json = await cli.RunAsync(hub.AsRegistrar("applications", "history", registered.Number, "--reads", "--json"));

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Matches(@"\n\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z\s+read\s+organizations/test-registrar\s+\S+\s+/interop\.v1\.RegistryService/GetApplication\s+applications/", table.Output);
        Assert.Matches(@"\n\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z\s+change\s+organizations/test-registrar\s+\S+\s+/interop\.v1\.RegistryService/CreateApplication\s+applications/", table.Output);
        var records = json.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(AuditRecord.Parser.ParseJson).ToList();
        Assert.All(records, r => Assert.Equal(registered.Name, r.Application));
        Assert.Contains(records, r => r.Action == AuditAction.Read && r.Method.EndsWith("/GetApplication", StringComparison.Ordinal));
    }

    [Fact]
    public async Task History_OfAnotherOrganisationsApplication_ShowsItsChangesButNotItsAuditTrail()
    {
        var registered = await hub.RegisterAsync();
        var otherKey = await HubAccess.IssueKeyAsync(
            hub.Hub.Channel, TestOrganizations.Of("other-landlord-" + Guid.NewGuid().ToString("N")[..8], OrganizationKind.Landlord, stock: ["14118"], desks: ["O" + Random.Shared.Next(1000, 9999)]));
        var statisticianKey = await HubAccess.IssueKeyAsync(
            hub.Hub.Channel, TestOrganizations.Of("stats-" + Guid.NewGuid().ToString("N")[..8], OrganizationKind.StatisticsReader, departements: ["14"]));

        // The history is read by whoever reads the application (a landlord with stock in a commune
        // it wishes); the audit trail only by the organisation that registered it.
        var changes = await cli.RunAsync("applications", "history", registered.Number, "--hub", hub.Url, "--key", otherKey);
        var reads = await cli.RunAsync("applications", "history", registered.Number, "--reads", "--hub", hub.Url, "--key", otherKey);
        var statistician = await cli.RunAsync("applications", "history", registered.Number, "--hub", hub.Url, "--key", statisticianKey);

        Assert.True(changes.ExitCode == 0, changes.Error);
        Assert.Matches(@"
1\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0[12]:00\s+organizations/test-registrar\s+registered
", changes.Output);
        Assert.Equal(4, reads.ExitCode);
        Assert.StartsWith("interop: PERMISSION_DENIED", reads.Error, StringComparison.Ordinal);
        Assert.Equal(4, statistician.ExitCode);
        Assert.StartsWith("interop: PERMISSION_DENIED", statistician.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ByOrganisationAsAdministrator_ListsItsRecords_AndAsALandlordMustNameAnApplication()
    {
        var registered = await hub.RegisterAsync();

        var all = await cli.RunAsync(hub.AsAdministrator("audit", "--organization", "test-registrar", "--json"));
        var one = await cli.RunAsync(hub.AsRegistrar("audit", "--application", registered.Number));
        var refused = await cli.RunAsync(hub.AsRegistrar("audit", "--organization", "test-registrar"));

        Assert.True(all.ExitCode == 0, all.Error);
        var records = all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(AuditRecord.Parser.ParseJson).ToList();
        Assert.Contains(records, r => r.Application == registered.Name && r.Action == AuditAction.Change);
        Assert.All(records, r => Assert.Equal("organizations/test-registrar", r.Organization));
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Contains("CreateApplication", one.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("interop: INVALID_ARGUMENT (INVALID_ARGUMENT): application: ", refused.Error, StringComparison.Ordinal);
    }
}
