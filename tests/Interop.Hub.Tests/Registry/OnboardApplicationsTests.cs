using Google.Rpc;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using static Interop.Hub.Tests.Registry.OnboardingCalls;

namespace Interop.Hub.Tests.Registry;

/// <summary>
/// Bulk onboarding over a real socket: each record answered as the same request alone would be, a
/// certain duplicate named for linking, a bad record refused without stopping the others, and the
/// whole load sent again changing nothing.
/// </summary>
public sealed class OnboardApplicationsTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("onboard");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task AStockOfThirtyRecords_IsRegistered_DuplicatesNamed_ABadRecordRefused_AndSentAgainChangesNothing()
    {
        // A household already on file (registered by a desk earlier): the stock holds it again.
        var known = TestApplications.Valid();
        var existing = (await registry.CreateApplicationAsync(TestApplications.Create("B0001", known.Clone()))).Application;
        var records = Enumerable.Range(0, 27).Select(_ => Registration(TestApplications.Valid())).ToList();
        records.Add(Registration(known.Clone()));
        var noName = TestApplications.Valid();
        noName.Applicant.LastName = "";
        records.Add(Registration(noName));
        records.Add(new OnboardApplicationsRequest());
        var before = await CountAsync();

        var first = await OnboardAsync(registry, records);

        Assert.Equal(records.Count, first.Count);
        var registered = first.Values.Where(a => a.OutcomeCase == OnboardApplicationsResponse.OutcomeOneofCase.Registered).ToList();
        Assert.Equal(27, registered.Count);
        Assert.Equal(27, registered.Select(a => a.Registered.Application.Number).Distinct().Count());
        var duplicate = first[records[27].Registration.RequestId].Refusal;
        Assert.Equal((int)StatusCode.AlreadyExists, duplicate.Code);
        Assert.Equal("DUPLICATE_APPLICATION", duplicate.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(existing.Name, duplicate.GetDetail<ErrorInfo>().Metadata["existing_applications"]);
        var invalid = first[records[28].Registration.RequestId].Refusal;
        Assert.Equal((int)StatusCode.InvalidArgument, invalid.Code);
        Assert.Contains(invalid.GetDetail<BadRequest>().FieldViolations, v => v.Field == "application.applicant.last_name");
        var empty = first[""].Refusal;
        Assert.Equal((int)StatusCode.InvalidArgument, empty.Code);
        Assert.Equal(before + 27, await CountAsync());

        // The load cut short and sent again whole: the same answers, nothing doubled.
        var again = await OnboardAsync(registry, records);

        Assert.Equal(before + 27, await CountAsync());
        foreach (var answer in registered)
        {
            Assert.Equal(answer.Registered.Application.Number, again[answer.RequestId].Registered.Application.Number);
        }
    }

    [Fact]
    public async Task ApplicationsNumberedElsewhere_AreImportedForTheNationalExchange_AndRefusedPerRecordToALandlord()
    {
        var national = new RegistryService.RegistryServiceClient(await HubAccess.JoinAsync(
            hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange)));
        var numbered = Enumerable.Range(0, 3).Select(i => Numbered("0759ZZ" + i)).ToList();

        var byNational = await OnboardAsync(national, numbered);
        var byLandlord = await OnboardAsync(registry, [Numbered("0759YY1")]);

        Assert.All(byNational.Values, a => Assert.Equal(OnboardApplicationsResponse.OutcomeOneofCase.Imported, a.OutcomeCase));
        Assert.Equal(["0759ZZ0", "0759ZZ1", "0759ZZ2"], byNational.Values.Select(a => a.Imported.Number).Order());
        Assert.Equal((int)StatusCode.PermissionDenied, byLandlord.Values.Single().Refusal.Code);
    }

    private async Task<long> CountAsync() => (await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>("SELECT count(*) FROM applications")).Single();

    private static OnboardApplicationsRequest Numbered(string number)
    {
        var application = TestApplications.Valid();
        application.Number = number;
        application.RegisteringDesk = "NAT01";
        application.FiledDate = new Google.Type.Date { Year = 2025, Month = 6, Day = 1 };
        return new OnboardApplicationsRequest { NumberedElsewhere = new ImportApplicationRequest { RequestId = Guid.NewGuid().ToString(), Application = application } };
    }
}
