using Interop.Client;
using Interop.Contracts.V1;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.Import;
using Interop.NationalExchange.Simulator;
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

    public InteropClient Client(Uri? address = null) => new(address ?? Hub.Address, NationalKey);

    /// <summary>Runs one export with a fresh client, as a new process would.</summary>
    public async Task<ExportRunReport> ExportAsync(DateOnly date, Func<Task>? beforeAcknowledge = null)
    {
        await FeedHead.WhenSequencedAsync(Hub.ConnectionString);
        using var client = Client();
        var options = new ExportOptions { Directory = Folder, BeforeAcknowledge = beforeAcknowledge };
        return await new NationalExport(client, options).RunAsync(date);
    }

    /// <summary>The simulated national registry's folder and where it drops its return files.</summary>
    public string National => Path.Combine(Folder, "national");

    public string Inbox => Path.Combine(Folder, "inbox");

    /// <summary>The day of the hub's fake clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Hub.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The simulated national registry, knowing the registrar's desks and the given communes.</summary>
    public NationalRegistrySimulator Simulator(params string[] knownCommunes)
    {
        Directory.CreateDirectory(National);
        return new NationalRegistrySimulator(new SimulatorOptions
        {
            Directory = National,
            KnownDesks = new HashSet<string>(["B0001", "B0002", "B0003"], StringComparer.Ordinal),
            KnownCommunes = knownCommunes.Length == 0 ? null : new HashSet<string>(knownCommunes, StringComparer.Ordinal),
        });
    }

    /// <summary>Imports one return file with a fresh client, as a new process would.</summary>
    public async Task<ImportReport> ImportAsync(string path, Func<long, Task>? afterLine = null)
    {
        using var client = Client();
        return await new NationalImport(client, new ImportOptions { Directory = Folder, AfterLine = afterLine }).ImportAsync(path);
    }

    /// <summary>The registrar landlord's view of the national rejections.</summary>
    public NationalExchangeService.NationalExchangeServiceClient RegistrarNational => new(Hub.Calls);

    /// <summary>Every change the registrar landlord's ERP receives from the start, up to the head.</summary>
    public async Task<IReadOnlyList<Change>> RegistrarFeedAsync()
    {
        await FeedHead.WhenSequencedAsync(Hub.ConnectionString);
        var feed = new ChangeFeedService.ChangeFeedServiceClient(Hub.Calls);
        using var call = feed.Subscribe(new SubscribeRequest { SubscriptionId = "erp-" + Guid.NewGuid().ToString("N")[..8] });
        var changes = new List<Change>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            var message = call.ResponseStream.Current;
            if (message.EventCase == SubscribeResponse.EventOneofCase.Change)
            {
                changes.Add(message.Change);
            }
            else if (message.EventCase == SubscribeResponse.EventOneofCase.CaughtUp)
            {
                break;
            }
        }

        return changes;
    }

    public string[] Files() => [.. Directory.GetFiles(Outbox, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public async Task<Application> RegisterAsync(params string[] communes)
    {
        var application = TestApplications.Valid();
        if (communes.Length > 0)
        {
            application.Wishes.CommuneCodes.Clear();
            application.Wishes.CommuneCodes.Add(communes);
        }

        var created = await Registry.CreateApplicationAsync(TestApplications.Create(application: application));
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
