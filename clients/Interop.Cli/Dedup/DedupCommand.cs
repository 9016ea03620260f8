using System.Diagnostics;
using System.Globalization;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Batch;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Cli.Dedup;

/// <summary>
/// <c>interop dedup --input FILE --output CLUSTERS.csv [--pairs PAIRS.csv] [--format csv|febrl]
/// [--geography communes.json] [--distinct PAIRS.csv] [--link-at probable|certain] [--max-block N]</c>:
/// deduplicates a whole stock in-process with the matching core (no hub, no database).
/// </summary>
internal static class DedupCommand
{
    public static Task<int> RunAsync(CommandArguments args)
    {
        var input = args.Required("input");
        var output = args.Required("output");
        var pairsPath = args.Optional("pairs", "");
        var format = args.Optional("format", "csv");
        var linkAt = args.Optional("link-at", "probable") switch
        {
            "probable" => MatchOutcome.Probable,
            "certain" => MatchOutcome.Certain,
            var other => throw new UsageException($"--link-at must be probable or certain, not '{other}'."),
        };
        if (!int.TryParse(args.Optional("max-block", "50"), NumberStyles.None, CultureInfo.InvariantCulture, out var maxBlock) || maxBlock < 2)
        {
            throw new UsageException("--max-block must be a whole number of at least 2.");
        }

        if (!File.Exists(input))
        {
            throw new UsageException($"--input {input}: no such file.");
        }

        var clock = Stopwatch.StartNew();
        var geographyPath = GeographyLoader.Locate(args.Optional("geography", ""));
        CommuneDirectory? communes = null;
        if (geographyPath is null)
        {
            Console.WriteLine("geography: absent, birth places compared as typed (to resolve names and old codes: npm ci --prefix clients/Interop.Cli/Dedup/geography)");
        }
        else
        {
            communes = GeographyLoader.Load(geographyPath);
            Console.WriteLine($"geography: {communes.Count:N0} commune codes from {geographyPath}");
        }

        var distinctPath = args.Optional("distinct", "");
        var distinct = distinctPath.Length == 0 ? null : new DeclaredDistinctPairs(InputReader.ReadDistinctPairs(distinctPath));

        var people = InputReader.Read(input, format);
        Console.WriteLine($"read {people.Count:N0} records from {input} in {clock.Elapsed.TotalSeconds:0.0} s");

        var progress = new ConsoleProgress();
        var result = BatchDeduplicator.Run(people, new BatchOptions
        {
            Communes = communes,
            DeclaredDistinct = distinct,
            LinkAt = linkAt,
            MaxBlockSize = maxBlock,
        }, progress);
        progress.Complete();

        OutputWriter.WriteClusters(output, people, result);
        if (pairsPath.Length > 0)
        {
            OutputWriter.WritePairs(pairsPath, result);
        }

        var certain = result.LinkedPairs.Count(p => p.Outcome == MatchOutcome.Certain);
        Console.WriteLine(
            $"{people.Count:N0} records → {result.Clusters:N0} clusters; {result.LinkedPairs.Count:N0} linked pairs " +
            $"({certain:N0} certain, {result.LinkedPairs.Count - certain:N0} probable); {result.ComparedPairs:N0} pairs compared in " +
            $"{result.Blocks:N0} blocks ({result.SkippedBlocks:N0} over {maxBlock} records skipped)");
        Console.WriteLine("stages: " + string.Join(", ", result.StageTimes.Select(s => $"{s.Key} {s.Value.TotalSeconds:0.0} s")));
        Console.WriteLine("processor time (all cores): " + string.Join(", ", result.StageProcessorTimes.Select(s => $"{s.Key} {s.Value.TotalSeconds:0.0} s")));
        Console.WriteLine($"total {clock.Elapsed.TotalSeconds:0.0} s; clusters in {output}" + (pairsPath.Length > 0 ? $", pairs in {pairsPath}" : ""));
        return Task.FromResult(0);
    }
}
