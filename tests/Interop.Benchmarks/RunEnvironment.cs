using System.Net;
using System.Runtime.InteropServices;
using Interop.Testing;
using Npgsql;

namespace Interop.Benchmarks;

/// <summary>
/// What the figures depend on besides the code: the cores shared by the hub,
/// PostgreSQL and the load clients, and the PostgreSQL settings that bound a
/// commit (durability, WAL). Printed under the table so a reader can compare runs.
/// </summary>
internal sealed record RunEnvironment(string Machine, string Postgres)
{
    private static readonly string[] Settings =
    [
        "shared_buffers", "max_connections", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method",
        "commit_delay", "max_wal_size", "checkpoint_timeout",
    ];

    public static async Task<RunEnvironment> ReadAsync(CancellationToken cancellationToken)
    {
        string admin;
        try
        {
            admin = TestPostgres.AdminConnectionString;
        }
        catch (InvalidOperationException exception)
        {
            throw new BenchmarkSetupException(
                exception.Message + "\nA production-like one: . deploy/postgres.sh; pg_start_throwaway; export INTEROP_TEST_POSTGRES=$INTEROP_PG_ADMIN");
        }

        // The load goes to this machine only: the hub listens on 127.0.0.1, and so must PostgreSQL.
        var host = new NpgsqlConnectionStringBuilder(admin).Host ?? "";
        if (!(host == "localhost" || host.StartsWith('/') || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))))
        {
            throw new BenchmarkSetupException($"{TestPostgres.Variable} points at {host}; the benchmark only loads a PostgreSQL on 127.0.0.1.");
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        var values = new List<string>();
        foreach (var name in Settings)
        {
            values.Add($"{name}={await ShowAsync(connection, name, cancellationToken)}");
        }

        var version = await ShowAsync(connection, "server_version", cancellationToken);
        var filesystem = FilesystemOf(await ShowAsync(connection, "data_directory", cancellationToken));
        var postgres = $"PostgreSQL {version.Split(' ')[0]}, data on {filesystem}: {string.Join(", ", values)}";
        var machine = $"{Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        return new RunEnvironment(machine, postgres);
    }

    /// <summary>
    /// The 1-minute load average, read at the end of a run: on a machine shared
    /// with builds and tests, it says how much else wanted the cores meanwhile.
    /// </summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting(@setting)", connection);
        command.Parameters.AddWithValue("setting", setting);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
              ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    /// <summary>
    /// The filesystem type holding the data directory: on tmpfs an fsync is
    /// nearly free, so commits there are far cheaper than on a disk.
    /// </summary>
    private static string FilesystemOf(string path)
    {
        if (!File.Exists("/proc/mounts"))
        {
            return "an unknown filesystem";
        }

        // The longest mount point that contains the path is the one it lives on.
        var mount = File.ReadLines("/proc/mounts")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 2 && (path == fields[1] || path.StartsWith(fields[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(fields => fields[1].Length);
        return mount is null ? "an unknown filesystem" : mount[2];
    }
}
