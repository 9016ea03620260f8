using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Client.Tests.Hosting;

/// <summary>The cotation service through the client: on InteropClient and from AddInteropClient, wired like the others.</summary>
public sealed class CotationClientTests(ClientHub fixture) : IClassFixture<ClientHub>
{
    [Fact]
    public async Task Cotation_IsWiredLikeTheOtherClients_WithTypedErrors()
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

        // No grid of that name was published: a typed NotFound, through both ways of getting the client.
        var score = new GetApplicationScoreRequest { Application = created.Name, Grid = "grids/no-such-grid" };
        await Assert.ThrowsAsync<NotFoundException>(() => client.Cotation.GetApplicationScoreAsync(score).ResponseAsync);
        await Assert.ThrowsAsync<NotFoundException>(() => provider.GetRequiredService<CotationService.CotationServiceClient>().ListGridVersionsAsync(
            new ListGridVersionsRequest { Parent = "grids/no-such-grid" }).ResponseAsync);

        // A landlord does not own an EPCI's grids: a typed PermissionDenied.
        var grant = new GrantGridOwnershipRequest { RequestId = Guid.NewGuid().ToString(), OrganizationId = "anyone", Epci = "200065597" };
        await Assert.ThrowsAsync<PermissionDeniedException>(() => client.Cotation.GrantGridOwnershipAsync(grant).ResponseAsync);
        var bad = new ListGridVersionsRequest { Parent = "grids/Not An Id" };
        await Assert.ThrowsAsync<InvalidArgumentException>(() => client.Cotation.ListGridVersionsAsync(bad).ResponseAsync);
    }
}
