using System.Diagnostics;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Observatory.Benchmarks;

/// <summary>
/// The built Release hub started as its own process on the benchmark's loaded database (it migrates, finds the
/// projection's checkpoint at the head and counts nothing again), read over gRPC as a caller granted every
/// territory (the bootstrap administrator, as the hub's observatory tests read): what a statistics reader gets,
/// suppression family included.
/// </summary>
internal sealed class HubReads : IAsyncDisposable
{
    private readonly ExternalHubProcess hub;
    private readonly GrpcChannel channel;
    private bool stopped;

    private HubReads(ExternalHubProcess hub, GrpcChannel channel)
    {
        this.hub = hub;
        this.channel = channel;
        Client = new ObservatoryService.ObservatoryServiceClient(ApiKeyCredentials.Over(channel, HubAccess.BootstrapKey));
    }

    public ObservatoryService.ObservatoryServiceClient Client { get; }

    /// <summary>From the process' start to its first answer.</summary>
    public TimeSpan Startup { get; private set; }

    public static async Task<HubReads> StartAsync(string connectionString, long cacheRows)
    {
        var clock = Stopwatch.StartNew();
        var hub = await ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
        {
            // Read times are measured, not an organisation's quota.
            ["Interop__RateLimitPerSecond"] = "1000000",
            ["Interop__RateLimitBurst"] = "1000000",
            ["Interop__IndicatorCacheRows"] = cacheRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var reads = new HubReads(hub, GrpcChannel.ForAddress(hub.Address));
        await reads.Client.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.File, "", IndicatorPeriod.Year, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        reads.Startup = clock.Elapsed;
        return reads;
    }

    /// <summary>The hub process' resident memory now and at its peak, in MiB.</summary>
    public (double Now, double Peak) ResidentMiB() => hub.ResidentMiB();

    public static GetTerritoryIndicatorsRequest Request(TerritoryLevel level, string code, IndicatorPeriod period, DateOnly from, DateOnly to) => new()
    {
        Level = level,
        TerritoryCode = code,
        Period = period,
        StartDate = new Google.Type.Date { Year = from.Year, Month = from.Month, Day = from.Day },
        EndDate = new Google.Type.Date { Year = to.Year, Month = to.Month, Day = to.Day },
    };

    public async Task<TerritoryIndicators> IndicatorsAsync(GetTerritoryIndicatorsRequest request) =>
        await Client.GetTerritoryIndicatorsAsync(request);

    /// <summary>The CSV's size in bytes.</summary>
    public async Task<int> ExportAsync(GetTerritoryIndicatorsRequest request) =>
        (await Client.ExportTerritoryIndicatorsAsync(new ExportTerritoryIndicatorsRequest
        {
            Level = request.Level,
            TerritoryCode = request.TerritoryCode,
            Period = request.Period,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
        })).Data.Length;

    public async ValueTask DisposeAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        channel.Dispose();
        await hub.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        await hub.DisposeAsync();
    }
}
