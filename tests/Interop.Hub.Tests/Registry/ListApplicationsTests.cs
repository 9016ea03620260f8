using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Registry;

public sealed class ListApplicationsTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("list");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ListApplications_PagesThroughEveryApplicationOnceInNumberOrder()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            numbers.Add((await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application.Number);
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 3, PageToken = token });
            seen.AddRange(page.Applications.Select(a => a.Number));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(numbers.Order(StringComparer.Ordinal), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListApplications_Filters_CombineWithAnd()
    {
        var caen = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var bayeux = TestApplications.Valid();
        bayeux.Wishes.CommuneCodes.Clear();
        bayeux.Wishes.CommuneCodes.Add("14047");
        var other = (await registry.CreateApplicationAsync(TestApplications.Create("B0001", bayeux))).Application;
        var orne = TestApplications.Valid();
        orne.Departement = "61";
        orne.Wishes.CommuneCodes.Clear();
        orne.Wishes.CommuneCodes.Add("61001");
        var alencon = (await registry.CreateApplicationAsync(TestApplications.Create("B0001", orne))).Application;
        await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = other.Name, ExpectedRevision = 1, Reason = RadiationReason.Renunciation,
        });

        Assert.Equal([caen.Number], await Numbers(new ListApplicationsRequest { WishedCommuneCode = "14118" }));
        Assert.Equal([alencon.Number], await Numbers(new ListApplicationsRequest { Departement = "61" }));
        Assert.Equal([other.Number], await Numbers(new ListApplicationsRequest { Status = ApplicationStatus.Radiated }));
        Assert.Equal([caen.Number], await Numbers(new ListApplicationsRequest { Departement = "14", Status = ApplicationStatus.Active }));

        hub.Clock.Advance(TimeSpan.FromDays(340));
        var since = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(hub.Clock.GetUtcNow());
        await registry.RenewApplicationAsync(new RenewApplicationRequest { RequestId = Guid.NewGuid().ToString(), Name = alencon.Name, ExpectedRevision = 1 });
        Assert.Equal([alencon.Number], await Numbers(new ListApplicationsRequest { UpdatedSince = since }));
    }

    [Fact]
    public async Task ListApplications_TokenReusedWithOtherFilters_IsRefused()
    {
        for (var i = 0; i < 3; i++)
        {
            await registry.CreateApplicationAsync(TestApplications.Create("B0001"));
        }

        var page = await registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1 });

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => registry.ListApplicationsAsync(
            new ListApplicationsRequest { PageSize = 1, PageToken = page.NextPageToken, Departement = "14" }).ResponseAsync);
        Assert.Equal(["page_token"], RpcAssert.ViolatedFields(status));
    }

    private async Task<List<string>> Numbers(ListApplicationsRequest request) =>
        (await registry.ListApplicationsAsync(request)).Applications.Select(a => a.Number).ToList();
}
