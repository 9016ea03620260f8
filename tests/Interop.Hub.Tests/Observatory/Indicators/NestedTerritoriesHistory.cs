using Interop.Contracts.V1;
using Interop.Hub.Projections;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>
/// A hand-computed history for suppression across territories, on its own hub with a fake clock: on
/// 2025-01-15 in the Calvados (14), 20 households wishing Caen (14118, CU Caen la Mer, 200065597) only and
/// 3 wishing Bayeux (14047, CC de Bayeux Intercom, 241400555) only. The département and the file count 23,
/// Caen la Mer and Caen 20, Bayeux Intercom and Bayeux 3; the clock stays on 2026-01-10.
/// </summary>
public sealed class NestedTerritoriesHistory : IAsyncLifetime
{
    public const string CaenLaMer = "200065597";
    public const string BayeuxIntercom = "241400555";

    public HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubHost.StartAsync("nested-territories", IndicatorHistory.Paris(2025, 1, 15));
        var registry = new RegistryService.RegistryServiceClient(Hub.Calls);
        foreach (var (commune, count) in new[] { ("14118", 20), ("14047", 3) })
        {
            for (var i = 0; i < count; i++)
            {
                var application = TestApplications.Valid();
                application.Wishes.CommuneCodes.Clear();
                application.Wishes.CommuneCodes.Add(commune);
                await registry.CreateApplicationAsync(TestApplications.Create(application: application));
            }
        }

        Hub.Clock.SetUtcNow(IndicatorHistory.Paris(2026, 1, 10));
        await Hub.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
