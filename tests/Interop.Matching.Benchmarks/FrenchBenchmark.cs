using System.Diagnostics;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Batch;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Matching.Benchmarks;

/// <summary>
/// The French synthetic set: precision, recall and F1 of the matcher (with and without the official
/// geography) against the plain rule of the national system, "same last name + first names + birth date".
/// </summary>
internal static class FrenchBenchmark
{
    /// <summary>Runs and prints the comparison; false when a matcher run does not beat the plain rule (the matcher is broken).</summary>
    public static bool Run(string? dataFolder, int entities, string? writeSet = null)
    {
        var sound = true;
        var sources = new FrenchSources(dataFolder);
        var set = FrenchSyntheticSet.Generate(sources, entities);
        if (writeSet is not null)
        {
            // The registration benchmark (tests/Interop.Matching.Registration) reads the set in the dedup format.
            Directory.CreateDirectory(writeSet);
            CsvOut.Write(Path.Combine(writeSet, "french.csv"), set.Records);
            CsvOut.WriteTruth(Path.Combine(writeSet, "truth.csv"), set.Records.Select((r, i) => (r.Id, set.EntityOf[i])));
            Console.WriteLine($"  written: {Path.Combine(writeSet, "french.csv")} and truth.csv (record_id,person_id)");
        }

        var truePairs = Metrics.TruePairsOf(set.EntityOf);
        Console.WriteLine(
            $"French synthetic set — {entities:N0} people, {set.Records.Count:N0} records, {truePairs.Count:N0} true pairs; " +
            $"given names {(sources.GivenNamesFromData ? "weighted by INSEE births" : "built-in (names data absent)")}, " +
            $"{sources.SurnameVariety:N0} surnames with a heavy head, communes {(sources.CommunesFromData ? "from the COG" : "built-in (geo data absent)")}");
        foreach (var (what, count) in set.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {what,-48}{count,8:N0}");
        }

        Console.WriteLine($"{"method",-44}{"predicted",10}{"P",8}{"R",8}{"F1",8}{"time s",8}");
        var clock = Stopwatch.StartNew();
        var plain = Metrics.Of(PlainRulePairs(set.Records), set.EntityOf, truePairs.Count);
        Print("plain rule: same last name + first names + DOB", plain, clock.Elapsed.TotalSeconds);

        var directory = FrenchSources.LoadDirectory(dataFolder);
        foreach (var (label, communes) in new[] { ("matcher, geography absent", (CommuneDirectory?)null), ("matcher, official geography", directory) })
        {
            if (label.EndsWith("geography", StringComparison.Ordinal) && communes is null)
            {
                Console.WriteLine("  matcher with the official geography: skipped, ../shared/data/geo is absent or not read");
                continue;
            }

            clock.Restart();
            var result = BatchDeduplicator.Run(set.Records, new BatchOptions { Communes = communes });
            var seconds = clock.Elapsed.TotalSeconds;
            var all = Metrics.Of(result.LinkedPairs.Select(p => (p.Left, p.Right)), set.EntityOf, truePairs.Count);
            var certain = Metrics.Of(result.LinkedPairs.Where(p => p.Outcome == MatchOutcome.Certain).Select(p => (p.Left, p.Right)), set.EntityOf, truePairs.Count);
            Print(label + " (certain + probable)", all, seconds);
            Print(label + " (certain only)", certain, seconds);
            Console.WriteLine($"  blocking recall {FebrlBenchmark.BlockingRecall(result, truePairs):0.0000}; F1 ratio matcher / plain rule {all.F1 / plain.F1:0.00}; recall ratio {all.Recall / plain.Recall:0.00}");

            // The plain rule only links exact copies; a matcher that does no better
            // on a set built of desk errors has lost its blocking or its scoring.
            if (!(all.F1 > plain.F1))
            {
                Console.WriteLine($"  FAILED: {label}: F1 {all.F1:0.0000} does not beat the plain rule's {plain.F1:0.0000}.");
                sound = false;
            }

            Misses(set, result, truePairs);
            if (communes is not null)
            {
                Sweep(set, communes, truePairs.Count);
            }
        }

        return sound;
    }

    private static void Print(string label, Metrics metrics, double seconds) =>
        Console.WriteLine($"{label,-44}{metrics.Predicted,10:N0}{metrics.Precision,8:0.0000}{metrics.Recall,8:0.0000}{metrics.F1,8:0.0000}{seconds,8:0.00}");

    /// <summary>A few false negatives and false positives, to see what is missed.</summary>
    private static void Misses(FrenchSyntheticSet set, BatchResult result, List<(int, int)> truePairs)
    {
        if (Environment.GetEnvironmentVariable("INTEROP_BENCH_VERBOSE") != "1")
        {
            return;
        }

        // INTEROP_BENCH_SAMPLES=N prints N missed and N wrong pairs instead of 15.
        var samples = int.TryParse(Environment.GetEnvironmentVariable("INTEROP_BENCH_SAMPLES"), out var n) ? n : 15;
        var linked = result.LinkedPairs.Select(p => (p.Left, p.Right)).ToHashSet();
        foreach (var (a, b) in truePairs.Where(p => !linked.Contains(p)).Take(samples))
        {
            Console.WriteLine($"MISSED {Show(set.Records[a])}  <>  {Show(set.Records[b])}\n  {result.Matcher.Compare(result.Prepared[a], result.Prepared[b]).Explanation.ReplaceLineEndings(" | ")}");
        }

        foreach (var p in result.LinkedPairs.Where(p => set.EntityOf[p.Left] != set.EntityOf[p.Right]).Take(samples))
        {
            Console.WriteLine($"WRONG {Show(set.Records[p.Left])}  <>  {Show(set.Records[p.Right])}\n  {result.Explain(p).Explanation.ReplaceLineEndings(" | ")}");
        }
    }

    /// <summary>Precision and recall at other probable thresholds (INTEROP_BENCH_VERBOSE=1), to set the default.</summary>
    private static void Sweep(FrenchSyntheticSet set, CommuneDirectory communes, int truePairs)
    {
        if (Environment.GetEnvironmentVariable("INTEROP_BENCH_VERBOSE") != "1")
        {
            return;
        }

        var low = BatchDeduplicator.Run(set.Records, new BatchOptions { Communes = communes, Model = Hub.Core.Matching.Scoring.MatchModel.Default with { ProbableThreshold = 4 } });
        for (var t = 6; t <= 20; t++)
        {
            var m = Metrics.Of(low.LinkedPairs.Where(p => p.Total >= t).Select(p => (p.Left, p.Right)), set.EntityOf, truePairs);
            Console.WriteLine($"  threshold {t,3}: P {m.Precision:0.0000} R {m.Recall:0.0000} F1 {m.F1:0.0000}");
        }
    }

    private static string Show(PersonIdentity p) =>
        $"{p.LastName}/{p.BirthName}/{string.Join(' ', p.FirstNames)}/{p.Sex}/{p.BirthDate}/{p.BirthPlace}/{p.Postcode}";

    /// <summary>The national system's historical rule: identical last name, first names and birth date (case aside).</summary>
    public static IEnumerable<(int, int)> PlainRulePairs(IReadOnlyList<PersonIdentity> records)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.LastName.Length == 0 || r.BirthDate.Length == 0)
            {
                continue;
            }

            var key = $"{r.LastName.Trim().ToUpperInvariant()}|{string.Join(' ', r.FirstNames).ToUpperInvariant()}|{r.BirthDate}";
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
            }

            members.Add(i);
        }

        foreach (var members in groups.Values)
        {
            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    yield return (members[x], members[y]);
                }
            }
        }
    }
}
