using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// Where a delivery's time goes inside the hub, from the hub's own feed histograms
/// (its Prometheus endpoint, scraped at the end of each phase): every stage is timed
/// from the change's write (<c>occurred_at</c>), so consecutive stages read as one path.
/// </summary>
internal sealed class FeedStages
{
    /// <summary>The hub's histograms, in the order a change passes them.</summary>
    public static readonly (string Metric, string Label)[] Stages =
    [
        ("interop_feed_commit_delay_seconds", "committed"),
        ("interop_feed_sequencer_delay_seconds", "sequenced"),
        ("interop_feed_fanout_delay_seconds", "in the window"),
        ("interop_feed_audit_delay_seconds", "audited"),
        ("interop_feed_delivery_delay_seconds", "written to the stream"),
    ];

    /// <summary>
    /// Commit → written to the stream, per change and stream, timed by the hub from the commit instant its
    /// writer saw (not from occurred_at): the direct measure the stages above can only bound.
    /// </summary>
    public const string AfterCommit = "interop_feed_delivery_after_commit_seconds";

    private static readonly string[] Scraped = [.. Stages.Select(s => s.Metric), AfterCommit];

    private readonly Dictionary<string, SortedDictionary<double, double>> buckets;

    private FeedStages(Dictionary<string, SortedDictionary<double, double>> buckets) => this.buckets = buckets;

    /// <summary>A free loopback port for the hub's scrape endpoint.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The cumulative bucket counts of every stage, summed over their label sets.</summary>
    public static async Task<FeedStages> ScrapeAsync(HttpClient http, Uri metrics)
    {
        var text = await http.GetStringAsync(metrics);
        var buckets = new Dictionary<string, SortedDictionary<double, double>>();
        foreach (var line in text.Split('\n'))
        {
            foreach (var metric in Scraped)
            {
                if (!line.StartsWith(metric + "_bucket{", StringComparison.Ordinal))
                {
                    continue;
                }

                var le = line.IndexOf("le=\"", StringComparison.Ordinal) + 4;
                var bound = line[le..line.IndexOf('"', le)];
                var upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
                var count = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                var stage = buckets.TryGetValue(metric, out var found) ? found : buckets[metric] = new SortedDictionary<double, double>();
                stage[upper] = stage.GetValueOrDefault(upper) + count;
            }
        }

        return new FeedStages(buckets);
    }

    /// <summary>What was recorded between <paramref name="earlier"/> and this scrape.</summary>
    public FeedStages Since(FeedStages earlier) => new(buckets.ToDictionary(
        pair => pair.Key,
        pair => new SortedDictionary<double, double>(pair.Value.ToDictionary(
            b => b.Key,
            b => b.Value - (earlier.buckets.TryGetValue(pair.Key, out var before) ? before.GetValueOrDefault(b.Key) : 0)))));

    /// <summary>Changes (or change × stream) recorded for the stage.</summary>
    public double Count(string metric) =>
        buckets.TryGetValue(metric, out var stage) && stage.Count > 0 ? stage.Values.Last() : 0;

    /// <summary>The <paramref name="p"/>th percentile in ms, interpolated within its bucket as Prometheus' histogram_quantile does; NaN when empty.</summary>
    public double PercentileMs(string metric, double p)
    {
        if (!buckets.TryGetValue(metric, out var stage) || Count(metric) == 0)
        {
            return double.NaN;
        }

        var rank = p / 100 * Count(metric);
        double lower = 0, below = 0;
        foreach (var (upper, cumulative) in stage)
        {
            if (cumulative >= rank)
            {
                if (double.IsPositiveInfinity(upper))
                {
                    return lower * 1000;
                }

                var inBucket = cumulative - below;
                return (lower + ((upper - lower) * (inBucket == 0 ? 1 : (rank - below) / inBucket))) * 1000;
            }

            lower = upper;
            below = cumulative;
        }

        return lower * 1000;
    }
}
