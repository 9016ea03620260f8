using System.Globalization;
using Interop.Matching.HeldOut;
using Interop.Matching.HeldOut.Population;
using Interop.Matching.HeldOut.Records;
using Interop.Matching.HeldOut.Scoring;

// `dotnet run -c Release --project tests/Interop.Matching.HeldOut -- [--records N] [--seed S] [--verbose] [--out DIR]
//  [--data DIR] [--cli interop.dll] [--smoke]`
// Generates the held-out French set, runs the built `interop dedup` on it twice (certain + probable, certain only),
// and prints precision and recall beside the plain national rule, then misses and wrong links by kind.
// A held-out set: report its figures, never tune the matcher on them (README.md beside this file).
var smoke = args.Contains("--smoke");
var verbose = args.Contains("--verbose");
string? Option(string name)
{
    var at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

var records = int.Parse(Option("records") ?? (smoke ? "400" : "28000"), CultureInfo.InvariantCulture);
var seed = int.Parse(Option("seed") ?? "1", CultureInfo.InvariantCulture);
var root = RepositoryPaths.Root();

// CI has no ../shared/data: the smoke run reads none anywhere, so it behaves alike on every machine.
var data = smoke ? null : RepositoryPaths.SharedData(root, Option("data"));
var cli = RepositoryPaths.Cli(root, Option("cli"));
if (cli is null || !File.Exists(cli))
{
    Console.WriteLine($"interop dedup not found at {cli ?? "(no repository root)"}: build it first (dotnet build clients/Interop.Cli -c Release) or pass --cli PATH.");
    return 1;
}

var folder = Option("out") ?? Path.Combine(Path.GetTempPath(), $"interop-heldout-{seed}-{records}");

// A smoke run leaves nothing behind unless asked where to write.
var removeFolder = smoke && Option("out") is null;
var givenNames = GivenNames.Load(data);
var geography = Geography.Load(data);
var set = HeldOutSet.Generate(seed, records, givenNames, geography);

// A seed is a set: the smoke run checks it, since figures reported on a seed must be reproducible.
if (smoke && !HeldOutSet.Generate(seed, records, givenNames, geography).Records.Select(r => r.ToCsv()).SequenceEqual(set.Records.Select(r => r.ToCsv())))
{
    Console.WriteLine("FAILED: the same seed gave two different sets.");
    return 1;
}

SetFiles.Write(set, folder);
var truth = new Truth(set);

Console.WriteLine($"Held-out French set (independent generator), seed {seed}{(smoke ? ", smoke run: its figures measure nothing" : "")}");
Console.WriteLine($"  {set.Records.Count:N0} records of {set.People.Count:N0} people, {truth.TruePairs.Count:N0} true pairs, {set.Relations.Count:N0} hard negatives");
Console.WriteLine($"  first names: {givenNames.Source}");
Console.WriteLine($"  communes: {geography.Source}");
Console.WriteLine($"  interop dedup: {cli} (its geography {(RepositoryPaths.CliGeographyInstalled(root) ? "installed" : "not installed: birth places compared as typed")})");
Console.WriteLine($"  files: {folder} (heldout.csv, truth.csv, hard-negatives.csv, clusters-*.csv, pairs-*.csv)");
Console.WriteLine();

var working = root ?? Directory.GetCurrentDirectory();
var probablePairs = DedupCommand.Run(cli, working, SetFiles.InputPath(folder), folder, "probable");
var certainPairs = DedupCommand.Run(cli, working, SetFiles.InputPath(folder), folder, "certain");
if (probablePairs is null || certainPairs is null)
{
    return 1;
}


if (removeFolder)
{
    Directory.Delete(folder, recursive: true);
}

var probable = probablePairs.Select(p => truth.Key(p.LeftId, p.RightId)).ToHashSet();
var certain = certainPairs.Select(p => truth.Key(p.LeftId, p.RightId)).ToHashSet();
var plain = truth.PlainRule();
var scores = new[]
{
    truth.Evaluate("certain + probable (default)", probable),
    truth.Evaluate("certain only (`--link-at certain`)", certain),
    truth.Evaluate("plain rule (same last name, first names, birth date)", plain),
};
Console.WriteLine();
Report.Scores(scores);
Console.WriteLine();
Report.Misses(truth, probable, certain, verbose);
Console.WriteLine();
Report.WrongLinks(truth, probablePairs, certain, verbose);

// A smoke run proves the path, not the figures: it fails only when the matcher links nothing or does no better
// than the plain rule, which means the command or this program is broken.
if (scores[0].Linked == 0 || scores[0].Recall <= scores[2].Recall)
{
    Console.WriteLine();
    Console.WriteLine("FAILED: interop dedup linked nothing, or no more true pairs than the plain rule.");
    return 1;
}

return 0;
