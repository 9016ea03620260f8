using System.Diagnostics;
using Interop.Hub.Core.Matching.Batch;

namespace Interop.Matching.Benchmarks;

/// <summary>
/// Batch dedup of a large synthetic French stock (1 million records by default) on this machine's
/// cores, against the 60-second target; the plain rule's hash grouping over the same records is the
/// baseline measured in the same run (machines are shared: compare ratios).
/// </summary>
internal static class SpeedBenchmark
{
    /// <summary>Runs and prints the timings; false when the dedup compared or linked nothing (the path is broken).</summary>
    public static bool Run(string? dataFolder, int records, string? writeCsv)
    {
        var sources = new FrenchSources(dataFolder);
        var clock = Stopwatch.StartNew();
        var set = FrenchSyntheticSet.Generate(sources, (int)(records / 1.45), seed: 7);
        var people = set.Records.Take(records).ToList();
        Console.WriteLine($"Speed — {people.Count:N0} synthetic records generated in {clock.Elapsed.TotalSeconds:0.0} s");
        if (writeCsv is not null)
        {
            CsvOut.Write(writeCsv, people);
            Console.WriteLine($"  written to {writeCsv} (for `interop dedup --input {writeCsv}`)");
        }

        var directory = FrenchSources.LoadDirectory(dataFolder);
        GC.Collect();
        clock.Restart();
        var plain = FrenchBenchmark.PlainRulePairs(people).Count();
        var baseline = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var result = BatchDeduplicator.Run(people, new BatchOptions { Communes = directory });
        var seconds = clock.Elapsed.TotalSeconds;
        var memory = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);
        Console.WriteLine($"  plain rule (hash grouping, 1 core): {baseline:0.0} s, {plain:N0} pairs");
        Console.WriteLine(
            $"  matcher batch dedup ({Environment.ProcessorCount} cores): {seconds:0.0} s — {people.Count / seconds:N0} records/s, " +
            $"{result.ComparedPairs:N0} pairs compared ({result.ComparedPairs / Math.Max(0.001, result.StageTimes.GetValueOrDefault("comparaisons").TotalSeconds):N0} pairs/s), " +
            $"{result.LinkedPairs.Count:N0} linked, {result.Clusters:N0} clusters, {result.SkippedBlocks:N0} super-blocks skipped, peak memory {memory:0.0} GiB");
        Console.WriteLine("  stages: " + string.Join(", ", result.StageTimes.Select(s => $"{s.Key} {s.Value.TotalSeconds:0.0} s")));
        var processor = result.StageProcessorTimes.Values.Sum(t => t.TotalSeconds);
        Console.WriteLine("  processor time (all cores): " + string.Join(", ", result.StageProcessorTimes.Select(s => $"{s.Key} {s.Value.TotalSeconds:0.0} s")) + $"; total {processor:0.0} s");
        Console.WriteLine(
            $"  load average {LoadAverage()}; processor time / {Environment.ProcessorCount} cores = {processor / Environment.ProcessorCount:0.0} s " +
            "(the wall time this run would take on an otherwise idle machine, if it kept every core busy)");
        Console.WriteLine($"  ratio to the 60 s target: {seconds / 60:0.00}; matcher / plain rule time: {seconds / Math.Max(0.001, baseline):0.0}");

        // A third of the synthetic people are typed twice: a run that links none measured an empty loop.
        if (result.ComparedPairs == 0 || result.LinkedPairs.Count == 0)
        {
            Console.WriteLine($"  FAILED: {result.ComparedPairs:N0} pairs compared, {result.LinkedPairs.Count:N0} linked.");
            return false;
        }

        return true;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
