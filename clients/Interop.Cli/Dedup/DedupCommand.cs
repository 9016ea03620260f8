using System.CommandLine;
using System.Diagnostics;
using Interop.Cli.CommandLine;
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
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "The stock: UTF-8 CSV (record_id,last_name,birth_name,first_names,sex,birth_date,birth_place,nationality,email,phone,postcode,commune) or FEBRL.", HelpName = "FILE", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write record_id,cluster_id for every input row.", HelpName = "CLUSTERS.csv", Required = true };
        var pairs = new Option<string?>("--pairs") { Description = "Also write every linked pair with its explanation field by field.", HelpName = "PAIRS.csv" };
        var format = new Option<string>("--format") { Description = "Input format.", HelpName = "csv|febrl", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "febrl");
        var geography = new Option<string?>("--geography") { Description = "communes.json of the official geography (default: the npm install of clients/Interop.Cli/Dedup/geography, looked for from the current folder up).", HelpName = "FILE" };
        var distinct = new Option<string?>("--distinct") { Description = "Pairs declared not the same household (left_id,right_id), never linked.", HelpName = "PAIRS.csv" };
        var linkAt = new Option<string>("--link-at") { Description = "Lowest outcome that links two records.", HelpName = "probable|certain", DefaultValueFactory = _ => "probable" };
        linkAt.AcceptOnlyFromAmong("probable", "certain");
        var maxBlock = new Option<int>("--max-block") { Description = "Blocks of one key larger than this are skipped and counted (their records still meet through other keys).", HelpName = "N", DefaultValueFactory = _ => 50 };
        var command = new Command("dedup", "Deduplicate a whole stock in-process with the matching core (no hub, no database): clusters and explained pairs as CSV.")
        {
            input, output, pairs, format, geography, distinct, linkAt, maxBlock,
        };
        CliAction.Set(command, (parse, _) => Task.FromResult(Run(
            parse.GetRequiredValue(input), parse.GetRequiredValue(output), parse.GetValue(pairs) ?? "", parse.GetRequiredValue(format),
            parse.GetValue(geography), parse.GetValue(distinct) ?? "", parse.GetRequiredValue(linkAt), parse.GetValue(maxBlock))));
        return command;
    }

    private static int Run(string input, string output, string pairsPath, string format, string? geography, string distinctPath, string linkAtName, int maxBlock)
    {
        var linkAt = linkAtName == "certain" ? MatchOutcome.Certain : MatchOutcome.Probable;
        if (maxBlock < 2)
        {
            throw new UsageException("--max-block must be a whole number of at least 2.");
        }

        if (!File.Exists(input))
        {
            throw new UsageException($"--input {input}: no such file.");
        }

        var clock = Stopwatch.StartNew();
        var geographyPath = GeographyLoader.Locate(geography);
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
        return ExitCodes.Ok;
    }
}
