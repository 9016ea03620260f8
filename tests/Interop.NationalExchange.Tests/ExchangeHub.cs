using Interop.Client;
using Interop.Contracts.V1;
using Interop.NationalExchange.Export;
using Interop.Testing;

namespace Interop.NationalExchange.Tests;

/// <summary>
/// A real hub (in-process, real Kestrel socket, own database) with the default
/// registrar landlord, the <c>national-exchange</c> organisation and an export
/// folder of its own.
/// </summary>
public sealed class ExchangeHub : IAsyncDisposable
{
    private ExchangeHub(HubHost hub, string nationalKey, string folder)
    {
        Hub = hub;
        NationalKey = nationalKey;
        Folder = folder;
        Registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public HubHost Hub { get; }

    public string NationalKey { get; }

    /// <summary>The export's folder (outbox/ and export-state.json).</summary>
    public string Folder { get; }

    public string Outbox => Path.Combine(Folder, "outbox");

    /// <summary>The registrar landlord's registry calls (desks B0001–B0003).</summary>
    public RegistryService.RegistryServiceClient Registry { get; }

    public static async Task<ExchangeHub> StartAsync(string purpose)
    {
        var hub = await HubHost.StartAsync(purpose);
        var key = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange));
        var folder = Directory.CreateTempSubdirectory("interop-exchange-").FullName;
        return new ExchangeHub(hub, key, folder);
    }

    public InteropClient Client() => new(Hub.Address, NationalKey);

    /// <summary>Runs one export with a fresh client, as a new process would.</summary>
    public async Task<ExportRunReport> ExportAsync(DateOnly date, Func<Task>? beforeAcknowledge = null)
    {
        await FeedHead.WhenSequencedAsync(Hub.ConnectionString);
        using var client = Client();
        var options = new ExportOptions { Directory = Folder, BeforeAcknowledge = beforeAcknowledge };
        return await new NationalExport(client, options).RunAsync(date);
    }

    public string[] Files() => [.. Directory.GetFiles(Outbox, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public async Task<Application> RegisterAsync()
    {
        var created = await Registry.CreateApplicationAsync(TestApplications.Create());
        return created.Application;
    }

    public async Task<long> HubCheckpointAsync()
    {
        using var client = Client();
        var subscription = await client.Feed.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = "national-exchange-export" });
        return subscription.CheckpointChangeSeq;
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
