using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// Another client of the hub: a unary GetApplication every 20 ms while a phase runs, as the issue's outside
/// measurement did, so that the fan-out's cost to other clients shows (or does not) in its p99. It runs in a
/// process of its own (this program started again with <c>--probe</c>): in the benchmark's process its calls
/// queued behind the fifty subscribers' receptions on the same thread pool, which measured the benchmark's
/// own clients, not the hub.
/// </summary>
internal static class UnaryProbe
{
    public const string Argument = "--probe";

    private const int WarmUpCalls = 20;

    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    /// <summary>Starts the probe process; it calls until <see cref="Running.StopAsync"/>.</summary>
    public static async Task<Running> StartAsync(Uri hub, string apiKey, string applicationName)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(UnaryProbe).Assembly.Location);
        }

        foreach (var argument in new[] { Argument, hub.ToString(), apiKey, applicationName })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the probe process did not start");

        // "ready" once it is connected and warmed up: the phase's calls are all measured ones.
        var ready = await process.StandardOutput.ReadLineAsync();
        if (ready != "ready")
        {
            throw new InvalidOperationException($"the probe process said '{ready}' instead of ready");
        }

        return new Running(process);
    }

    /// <summary>The probe process' body: calls every 20 ms until its standard input closes, then prints the latencies.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        using var channel = GrpcChannel.ForAddress(args[1]);
        var registry = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channel, args[2]));
        var request = new GetApplicationRequest { Name = args[3] };
        for (var i = 0; i < WarmUpCalls; i++)
        {
            await registry.GetApplicationAsync(request);
        }

        using var stop = new CancellationTokenSource();
        Console.WriteLine("ready");
        var closed = Task.Run(async () =>
        {
            await Console.In.ReadToEndAsync();
            await stop.CancelAsync();
        });
        var latencies = await CallAsync(registry, request, stop.Token);
        await closed;
        foreach (var latency in latencies)
        {
            Console.WriteLine(latency.ToString("R", CultureInfo.InvariantCulture));
        }

        return 0;
    }

    private static async Task<List<double>> CallAsync(RegistryService.RegistryServiceClient registry, GetApplicationRequest request, CancellationToken stop)
    {
        var latencies = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            await registry.GetApplicationAsync(request, cancellationToken: CancellationToken.None);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            var rest = Period - clock.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(rest, stop);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        return latencies;
    }

    /// <summary>A started probe.</summary>
    internal sealed class Running(Process process) : IDisposable
    {
        /// <summary>Closes the probe's input and reads its latencies (ms).</summary>
        public async Task<List<double>> StopAsync()
        {
            process.StandardInput.Close();
            var latencies = new List<double>();
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                latencies.Add(double.Parse(line, CultureInfo.InvariantCulture));
            }

            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the probe process exited with {process.ExitCode}");
            }

            return latencies;
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
        }
    }
}
