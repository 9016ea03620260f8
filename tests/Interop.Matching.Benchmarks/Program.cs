using Interop.Matching.Benchmarks;

// `dotnet run -c Release --project tests/Interop.Matching.Benchmarks -- [febrl|french|speed|all] [--data DIR] [--records N] [--write-set DIR] [--smoke]`
// `--write-set DIR` writes the French set as french.csv (the dedup format) and truth.csv, for the registration benchmark.
// Reads ../shared/data (next to the repository root) when present and skips politely what is absent.
// `--smoke` runs the French set and the speed run once on tiny sizes without any external data
// (deploy/test.sh does, so the command never rots). Exit code 1 when a run's results show a broken matcher.
var smoke = args.Contains("--smoke");
var what = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
string? Option(string name)
{
    var at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

// CI has no ../shared/data: the smoke run reads none anywhere, so it behaves alike on every machine.
var data = smoke ? null : SharedData.Locate(Option("data"));
Console.WriteLine(
    $"Interop matching benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"data: {(smoke ? "not read (smoke run: built-in names and communes)" : data ?? "absent")}");
var sound = true;
if (what is "febrl" or "all")
{
    var febrl = data is null ? null : Path.Combine(data, "febrl");
    if (smoke)
    {
        Console.WriteLine("FEBRL: skipped in a smoke run (it needs ../shared/data/febrl).");
    }
    else if (febrl is null || !File.Exists(Path.Combine(febrl, "dataset1.csv")))
    {
        Console.WriteLine("FEBRL: skipped, ../shared/data/febrl is absent.");
    }
    else
    {
        FebrlBenchmark.Run(febrl);
    }

    Console.WriteLine();
}

if (what is "french" or "all")
{
    sound &= FrenchBenchmark.Run(data, int.Parse(Option("entities") ?? (smoke ? "200" : "20000"), System.Globalization.CultureInfo.InvariantCulture), Option("write-set"));
    Console.WriteLine();
}

if (what is "speed" or "all")
{
    sound &= SpeedBenchmark.Run(data, int.Parse(Option("records") ?? (smoke ? "3000" : "1000000"), System.Globalization.CultureInfo.InvariantCulture), Option("write-csv"));
}

if (smoke)
{
    Console.WriteLine("Smoke run (--smoke): tiny sets, no external data; these figures are not a measurement.");
}

return sound ? 0 : 1;
