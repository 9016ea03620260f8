using System.CommandLine;
using Interop.Adapters.Sdk.CommandLine;
using Interop.Adapters.Sql.Schema;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Interop.Adapters.Sql.Hosting;

/// <summary>
/// <c>Interop.Adapters.Sql --hub … --api-key … --organization … --erp CONNECTION</c> runs the adapter until Ctrl-C;
/// <c>… dead-letters list|replay [id|--all]</c> works on its dead letters; <c>Interop.Adapters.Sql install --erp CONNECTION
/// [--sample-erp] [--print]</c> installs the outbox (and the sample ERP's tables) into the ERP's database, or prints the script.
/// </summary>
public static class SqlCommandLine
{
    /// <summary>Parses and runs; returns the exit code (usage errors go to <paramref name="error"/>, standard error by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? error = null, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "install")
        {
            // Its own command line: a DBA installs the outbox without the hub's address or a key.
            return await InstallAsync(args[1..], error, output);
        }

        var root = new RootCommand("The SQL adapter: an ERP's PostgreSQL tables connected to the Interop hub through a transactional outbox filled by triggers.");
        var hostOptions = new AdapterHostOptions();
        hostOptions.AddTo(root);
        var erp = ErpOption();
        erp.Recursive = true;
        root.Options.Add(erp);
        var poll = new Option<double>("--poll-seconds") { Description = "Seconds between two reads of an empty outbox.", DefaultValueFactory = _ => 1 };
        root.Options.Add(poll);
        root.SetAction(async (parse, cancellationToken) =>
        {
            var settings = Settings(hostOptions, erp, parse) with { PollInterval = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(poll), 0.05, 60)) };
            if (await NotReadyAsync(settings.ErpConnectionString, cancellationToken) is { } problem)
            {
                await (error ?? Console.Error).WriteLineAsync(problem);
                return DeadLetterCommand.UsageError;
            }

            using var host = await SqlHost.BuildAsync(settings, null, cancellationToken);
            await AdapterCommandLine.RunAsync(host, cancellationToken);
            return 0;
        });
        root.Subcommands.Add(DeadLetterCommand.Create((parse, cancellationToken) => SqlHost.BuildAsync(Settings(hostOptions, erp, parse), null, cancellationToken)));
        return await AdapterCommandLine.InvokeAsync(root, args, error, hostOptions);
    }

    /// <summary>Why the adapter cannot start on this ERP database (unreachable, outbox not installed), or null.</summary>
    public static async Task<string?> NotReadyAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return await ErpSchema.IsInstalledAsync(connection, cancellationToken)
                ? null
                : "The outbox is not installed in the ERP's database: run 'Interop.Adapters.Sql install --erp …' first (see adapters/README.md).";
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"The ERP's database does not answer: {e.Message}";
        }
    }

    private static async Task<int> InstallAsync(string[] args, TextWriter? error, TextWriter? output)
    {
        var root = new RootCommand("Installs the outbox (table, trigger on erp.dossiers, the adapter's state tables) into the ERP's database; idempotent.");
        var erp = ErpOption();
        var sample = new Option<bool>("--sample-erp") { Description = "Also create the sample ERP's tables (erp.dossiers): demos and tests." };
        var print = new Option<bool>("--print") { Description = "Print the script(s) instead of running them, for the ERP's DBA." };
        erp.Required = false;
        root.Options.Add(erp);
        root.Options.Add(sample);
        root.Options.Add(print);
        root.SetAction(async (parse, cancellationToken) =>
        {
            var writer = output ?? Console.Out;
            if (parse.GetValue(print))
            {
                await writer.WriteLineAsync(ErpSchema.Read("outbox.sql"));
                return 0;
            }

            if (parse.GetValue(erp) is not { } connectionString)
            {
                await (error ?? Console.Error).WriteLineAsync("Give the ERP's database with --erp (or use --print).");
                return DeadLetterCommand.UsageError;
            }

            await ErpSchema.InstallAsync(connectionString, parse.GetValue(sample), cancellationToken);
            await writer.WriteLineAsync("outbox installed");
            return 0;
        });
        return await AdapterCommandLine.InvokeAsync(root, args, error);
    }

    private static Option<string> ErpOption()
    {
        var option = new Option<string>("--erp") { Description = "The ERP's PostgreSQL connection string (Host=…;Database=…;Username=…).", Required = true };
        option.Validators.Add(result =>
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(result.GetValueOrDefault<string>());
            }
            catch (ArgumentException)
            {
                result.AddError("--erp is not a PostgreSQL connection string (Host=…;Database=…;Username=…).");
            }
        });
        return option;
    }

    private static SqlSettings Settings(AdapterHostOptions hostOptions, Option<string> erp, ParseResult parse)
    {
        var common = hostOptions.Read(parse);
        return new SqlSettings
        {
            Hub = common.Hub,
            ApiKey = common.ApiKey,
            Organization = common.Organization,
            Desk = common.Desk,
            ErpConnectionString = parse.GetRequiredValue(erp),
            ConfigFile = common.ConfigFile,
        };
    }
}
