using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// One hub for the whole contract property test, with a little real data
/// (applications, a proposal, another organisation and its key, page tokens of
/// each listing) whose names the generator mixes into its requests.
/// </summary>
public sealed class ContractHubFixture : IAsyncLifetime
{
    public HubHost Hub { get; private set; } = null!;

    internal KnownValues Known { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Thousands of calls in a few seconds: the rate limit would answer most
        // of them RESOURCE_EXHAUSTED before they reach the code under test.
        Hub = await HubHost.StartAsync("contract", settings: new Dictionary<string, string>
        {
            ["Interop:RateLimitPerSecond"] = "100000",
            ["Interop:RateLimitBurst"] = "100000",
        });
        var admin = new AdminService.AdminServiceClient(Hub.Admin);
        var registry = new RegistryService.RegistryServiceClient(Hub.Calls);
        var attributions = new AttributionService.AttributionServiceClient(Hub.Calls);

        await HubAccess.IssueKeyAsync(Hub.Channel, TestOrganizations.Of("fuzz-other", OrganizationKind.Landlord, stock: ["14327"], desks: ["C0001"]));
        var otherKeys = await admin.ListApiKeysAsync(new ListApiKeysRequest { Parent = "organizations/fuzz-other" });

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await registry.CreateApplicationAsync(TestApplications.Create());
            numbers.Add(created.Application.Number);
        }

        var proposal = await attributions.ProposeCandidateAsync(new ProposeCandidateRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = "applications/" + numbers[0],
            ExpectedRevision = 1,
            Proposal = new Proposal { DwellingId = "RPLS14118A001", CommuneCode = "14118", Typology = Typology.T3, ReservationHolder = ReservationHolder.PrefectPriority },
        });

        var tokens = new List<string>
        {
            (await admin.ListOrganizationsAsync(new ListOrganizationsRequest { PageSize = 1 })).NextPageToken,
            (await registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1 })).NextPageToken,
            (await registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1, Departement = "14" })).NextPageToken,
            (await new AuditService.AuditServiceClient(Hub.Admin).ListAuditRecordsAsync(new ListAuditRecordsRequest { PageSize = 1 })).NextPageToken,
        };

        Known = new KnownValues(
            [
                .. numbers.Select(n => "applications/" + n),
                proposal.Name,
                proposal.Name.Replace(numbers[0], numbers[1], StringComparison.Ordinal),
                "organizations/test-registrar",
                "organizations/fuzz-other",
                "organizations/nobody",
                otherKeys.ApiKeys[0].Name,
                "organizations/fuzz-other/apiKeys/unknown",
                "reviewItems/1",
                "reviewItems/-1",
                "reviewItems/99999999999999999999",
            ],
            numbers,
            tokens.Where(t => t.Length > 0).ToList(),
            ValidRequests.For(numbers, proposal, otherKeys.ApiKeys[0].Name, new Google.Type.Date { Year = 2026, Month = 3, Day = 10 }));
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
