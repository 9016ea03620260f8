using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Client.Tests.Hosting;

/// <summary>AddInteropClient registers the generated clients (Grpc.Net.ClientFactory) and InteropClient, wired to the hub.</summary>
public sealed class DependencyInjectionTests(ClientHub fixture) : IClassFixture<ClientHub>
{
    [Fact]
    public async Task AddInteropClient_ResolvedClients_CallTheHubWithTheKeyAndTypedErrors()
    {
        var services = new ServiceCollection();
        services.AddInteropClient(options =>
        {
            options.Address = fixture.Hub.Address;
            options.ApiKey = fixture.Key;
        });
        await using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<RegistryService.RegistryServiceClient>();
        var request = TestApplications.Create(ClientHub.Desk);
        request.RequestId = "";
        var created = (await registry.CreateApplicationAsync(request)).Application;
        var client = provider.GetRequiredService<InteropClient>();
        var read = await client.Registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Name });

        Assert.Equal(created.Number, read.Number);
        Assert.Same(client, provider.GetRequiredService<InteropClient>());
        var feed = provider.GetRequiredService<ChangeFeedService.ChangeFeedServiceClient>();
        await Assert.ThrowsAsync<NotFoundException>(() => feed.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = "never-used" }).ResponseAsync);
        var bad = TestApplications.Valid();
        bad.Departement = "20";
        await Assert.ThrowsAsync<InvalidArgumentException>(() => registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk, bad)).ResponseAsync);
    }

    [Fact]
    public async Task AddInteropClient_ObservatoryAndNationalExchange_AreWiredLikeTheOthers()
    {
        var services = new ServiceCollection();
        services.AddInteropClient(options =>
        {
            options.Address = fixture.Hub.Address;
            options.ApiKey = fixture.Key;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<InteropClient>();
        var created = (await client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk))).Application;

        var changes = await provider.GetRequiredService<ObservatoryService.ObservatoryServiceClient>()
            .ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = created.Name });
        var rejections = await client.NationalExchange.ListNationalRejectionsAsync(new ListNationalRejectionsRequest { Parent = created.Name });
        var sameChanges = await client.Observatory.ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = created.Name });

        Assert.Equal(ChangeKind.Registered, Assert.Single(changes.Changes).Kind);
        Assert.Equal(changes.Changes, sameChanges.Changes);
        Assert.Empty(rejections.NationalRejections);
        // A landlord may not report national radiations: the refusal comes back typed, as through every other client.
        var radiation = new RecordNationalRadiationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.Renunciation,
            RadiationDate = created.FiledDate,
        };
        await Assert.ThrowsAsync<PermissionDeniedException>(() => provider.GetRequiredService<NationalExchangeService.NationalExchangeServiceClient>()
            .RecordNationalRadiationAsync(radiation).ResponseAsync);
    }
}
