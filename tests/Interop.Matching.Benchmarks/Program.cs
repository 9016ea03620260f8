using Interop.Matching.Benchmarks;

// `dotnet run -c Release --project tests/Interop.Matching.Benchmarks -- [febrl|french|speed|all] [--data DIR] [--records N]`
// Reads ../shared/data (next to the repository root) when present and skips politely what is absent.
var what = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
string? Option(string name)
{
    var at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

var data = SharedData.Locate(Option("data"));
Console.WriteLine($"Interop matching benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, data: {data ?? "absent"}");
if (what is "febrl" or "all")
{
    var febrl = data is null ? null : Path.Combine(data, "febrl");
    if (febrl is null || !File.Exists(Path.Combine(febrl, "dataset1.csv")))
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
    FrenchBenchmark.Run(data, int.Parse(Option("entities") ?? "20000", System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine();
}

if (what is "speed" or "all")
{
    SpeedBenchmark.Run(data, int.Parse(Option("records") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture), Option("write-csv"));
}

return 0;
