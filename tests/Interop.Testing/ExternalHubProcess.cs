using System.Net.Sockets;

namespace Interop.Testing;

/// <summary>
/// The hub as a separate operating-system process, started exactly as an
/// operator starts it (<c>dotnet Interop.Hub.dll --urls …</c> with
/// <c>ConnectionStrings__Interop</c>), for tests of several hub processes on
/// one database and of killed processes.
/// </summary>
public sealed class ExternalHubProcess : IAsyncDisposable
{
    private readonly ChildProcess process;

    private ExternalHubProcess(ChildProcess process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The operating system's id of the hub's process (to read its memory, for instance).</summary>
    public int ProcessId => process.Id;

    /// <summary>The process' resident memory now (VmRSS) and at its peak (VmHWM), in MiB (Linux: /proc/PID/status).</summary>
    public (double Now, double Peak) ResidentMiB()
    {
        var status = File.ReadAllLines($"/proc/{ProcessId}/status");
        double Field(string name) =>
            long.Parse(status.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        return (Field("VmRSS"), Field("VmHWM"));
    }

    public string Output => process.Combined;

    /// <summary>The exit code, once the process has exited.</summary>
    public int ExitCode => process.ExitCode;

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts a hub process on <paramref name="port"/>, or on a free port when
    /// none is given; a hub restarted on its predecessor's port keeps the
    /// address its clients know. It listens on <paramref name="host"/> (default loopback); the test
    /// still reaches it through loopback.
    /// </summary>
    public static async Task<ExternalHubProcess> StartAsync(
        string connectionString, IDictionary<string, string>? settings = null, int? port = null, string host = "127.0.0.1")
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Interop"] = connectionString,
            ["Interop__RunJobs"] = "false",
            ["Interop__BootstrapAdminKey"] = HubAccess.BootstrapKey,
            ["Serilog__MinimumLevel__Default"] = "Warning",
            // Its "Now listening on" line tells that this process, and not another, holds the port.
            ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        // A port found free here may be taken by another test process before the hub binds it (CI runs nine
        // test assemblies at once): the hub then exits, while whatever took the port would answer a mere
        // connection attempt in its place (a test once talked to another test's hub). A lost race picks another.
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port ?? FreePort();
            var hub = new ExternalHubProcess(
                ChildProcess.Start("dotnet", [HubAssemblyPath(), "--urls", $"http://{host}:{chosen}"], environment), new Uri($"http://127.0.0.1:{chosen}"));
            try
            {
                await hub.WaitUntilListeningAsync(chosen);
                return hub;
            }
            catch (InvalidOperationException) when (port is null && attempt < 3 && hub.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await hub.DisposeAsync();
            }
        }
    }

    /// <summary>Asks the process to stop (SIGTERM, as an orchestrator does) and waits for it to exit.</summary>
    public async Task StopGracefullyAsync(TimeSpan timeout)
    {
        await process.SignalAsync("TERM");
        await process.WaitForExitAsync(timeout);
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does.</summary>
    public void Kill() => process.Kill();

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static string HubAssemblyPath()
    {
        // The hub builds into its own bin folder with the same configuration as
        // the tests; its runtimeconfig.json lives there.
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Interop.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "hub", "Interop.Hub", "bin", configuration, "net10.0", "Interop.Hub.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the hub first.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task WaitUntilListeningAsync(int port) =>
        process.WaitForOutputLineAsync(
            line => line.Contains("Now listening on", StringComparison.Ordinal) && line.Contains($":{port}", StringComparison.Ordinal),
            TimeSpan.FromSeconds(120));
}
