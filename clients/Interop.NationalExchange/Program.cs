using System.Globalization;
using System.Text.Json;
using Interop.Client;
using Interop.NationalExchange.Daily;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.Import;
using Interop.NationalExchange.Progress;

// interop-national-exchange --hub URL --out DIR [--date yyyy-MM-dd]; the key in INTEROP_API_KEY.
// interop-national-exchange import --hub URL --out DIR FILE: applies one return file.
// interop-national-exchange worker: the daily worker, configured by section NationalExchange (Daily/WorkerHost).
// Progress goes to standard error (a bar on a terminal, plain lines otherwise); the report to standard output.
if (args is ["worker", ..])
{
    return await WorkerHost.RunAsync(args[1..]);
}

var importing = args is ["import", ..];
var rest = importing ? args[1..] : args;
var file = importing && rest.Length % 2 == 1 ? rest[^1] : null;
var arguments = rest.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
var key = Environment.GetEnvironmentVariable("INTEROP_API_KEY");
if (!arguments.TryGetValue("--hub", out var hub) || !arguments.TryGetValue("--out", out var output) || string.IsNullOrEmpty(key) || (importing && file is null))
{
    await Console.Error.WriteLineAsync("usage: Interop.NationalExchange --hub <url> --out <folder> [--date yyyy-MM-dd]   (API key of the national-exchange organisation in INTEROP_API_KEY)");
    await Console.Error.WriteLineAsync("       Interop.NationalExchange import --hub <url> --out <folder> <return file>");
    return 2;
}

var json = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
using var client = new InteropClient(new Uri(hub), key);
if (importing)
{
    try
    {
        var imported = await new NationalImport(client, new ImportOptions { Directory = output, Progress = ConsoleProgress.ForStandardError() }).ImportAsync(file!);
        Console.WriteLine(JsonSerializer.Serialize(imported, json));
        return imported.Issues.Count > 0 || imported.ExportFileRefused is not null ? 1 : 0;
    }
    catch (NuuValidationException invalid)
    {
        await Console.Error.WriteLineAsync(invalid.Message);
        return 2;
    }
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

var report = await new NationalExport(client, new ExportOptions { Directory = output, Progress = ConsoleProgress.ForStandardError() }).RunAsync(date);
Console.WriteLine(JsonSerializer.Serialize(report, json));
// A change that should reach the national registry and could not: the operator must look.
return report.Skipped.Any(s => s.Category == ExportSkip.NotExpressible) ? 1 : 0;
