using System.CommandLine;
using System.Globalization;
using Interop.Cli.CommandLine;
using Interop.NationalExchange.Daily;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.Progress;

namespace Interop.Cli.Exchange;

/// <summary>
/// <c>interop exchange run [--date D]</c> and <c>interop exchange import FILE</c>: the daily
/// exchange with the national registry (clients/Interop.NationalExchange), with a key of the
/// national-exchange organisation. Both print the run's report and write the reconciliation.
/// </summary>
internal static class ExchangeCommand
{
    public static Command Create()
    {
        var command = new Command(
            "exchange",
            "The daily exchange with the national registry (a key of the national-exchange organisation): " +
            "`run` imports the return files of the inbox, exports the day and reconciles; `import FILE` applies one return file and reconciles. " +
            "Exit 1 when the run needs an operator (a change that could not be expressed, a return line not applied, a refused export file).")
        {
            Run(),
            Import(),
        };
        return command;
    }

    private static Option<string> Folder() => new("--folder")
    {
        Description = "The exchange's folder: outbox/, inbox/, reports/ and the state files (default: INTEROP_EXCHANGE_DIR).",
        HelpName = "DIR",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("INTEROP_EXCHANGE_DIR") ?? "",
    };

    private static Command Run()
    {
        var folder = Folder();
        var date = new Option<string?>("--date") { Description = "The day to export (default: today, French time); a day already exported is replayed.", HelpName = "yyyy-MM-dd" };
        var command = new Command("run", "Import the inbox's return files, export the day's changes to outbox/, and write the reconciliation report.")
        {
            folder, date,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(date) is { } given)
            {
                day = DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new UsageException($"--date: '{given}' is not a date yyyy-MM-dd");
            }

            var runner = new ExchangeRunner(hub.Client, Options(parse.GetValue(folder)));
            return Print(parse, await Guard(() => runner.RunAsync(day, cancellation)));
        });
        return command;
    }

    private static Command Import()
    {
        var folder = Folder();
        var file = new Argument<string>("FILE") { Description = "The national registry's return file (XML, schema interface-nuu-retour-v2.xsd, or v1)." };
        var command = new Command("import", "Apply one return file of the national registry to the hub, then write the reconciliation report.")
        {
            file, folder,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new UsageException($"{path}: no such file");
            }

            var runner = new ExchangeRunner(hub.Client, Options(parse.GetValue(folder)));
            return Print(parse, await Guard(() => runner.ImportAsync(path, cancellation)));
        });
        return command;
    }

    private static ExchangeOptions Options(string? folder) =>
        string.IsNullOrWhiteSpace(folder)
            ? throw new UsageException("--folder is required (or INTEROP_EXCHANGE_DIR): the exchange's folder")
            : new ExchangeOptions { Directory = folder, Progress = ConsoleProgress.ForStandardError() };

    /// <summary>A malformed return file, or a day before the last exported one, is the caller's input: exit 2.</summary>
    private static async Task<ExchangeRunReport> Guard(Func<Task<ExchangeRunReport>> run)
    {
        try
        {
            return await run();
        }
        catch (NuuValidationException invalid)
        {
            throw new UsageException(invalid.Message);
        }
        catch (InvalidOperationException refused) when (refused.Message.StartsWith("The last recorded export", StringComparison.Ordinal))
        {
            throw new UsageException(refused.Message);
        }
    }

    private static int Print(ParseResult parse, ExchangeRunReport report)
    {
        if (parse.GetValue(CliOptions.Json))
        {
            Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, ExchangeText.Json));
        }
        else
        {
            ExchangeText.Summary(Console.Out, report);
        }

        if (report.NeedsAttention)
        {
            Console.Error.WriteLine("interop: the exchange needs an operator: see the report above and the reconciliation in " + report.Reconciliation.SummaryPath);
            return ExitCodes.Refused;
        }

        return ExitCodes.Ok;
    }
}
