using System.Globalization;
using System.Text.Json;
using Interop.Client;
using Interop.NationalExchange.Daily;
using Interop.NationalExchange.Export;

// interop-national-exchange --hub URL --out DIR [--date yyyy-MM-dd]; the key in INTEROP_API_KEY.
// interop-national-exchange worker: the daily worker, configured by section NationalExchange (Daily/WorkerHost).
if (args is ["worker", ..])
{
    return await WorkerHost.RunAsync(args[1..]);
}

var arguments = args.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
var key = Environment.GetEnvironmentVariable("INTEROP_API_KEY");
if (!arguments.TryGetValue("--hub", out var hub) || !arguments.TryGetValue("--out", out var output) || string.IsNullOrEmpty(key))
{
    await Console.Error.WriteLineAsync("usage: Interop.NationalExchange --hub <url> --out <folder> [--date yyyy-MM-dd]   (API key of the national-exchange organisation in INTEROP_API_KEY)");
    return 2;
}

DateOnly? date = null;
if (arguments.TryGetValue("--date", out var given))
{
    if (!DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
    {
        await Console.Error.WriteLineAsync($"--date: '{given}' is not a date yyyy-MM-dd");
        return 2;
    }

    date = parsed;
}

using var client = new InteropClient(new Uri(hub), key);
var report = await new NationalExport(client, new ExportOptions { Directory = output }).RunAsync(date);
Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
// A change that should reach the national registry and could not: the operator must look.
return report.Skipped.Any(s => s.Category == ExportSkip.NotExpressible) ? 1 : 0;
