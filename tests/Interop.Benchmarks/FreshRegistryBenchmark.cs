using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Benchmarks;

/// <summary>
/// The first registrations of a fresh registry, as a deployment sees them: one
/// hub process started on a new database (its JIT cold, its tables empty and
/// without statistics), then <c>--clients</c> desks registering people of the
/// synthetic Calvados stock one after another, the rate printed per bin of
/// <c>--bin</c> registrations. Issue 14 found ~30/s for the first ~2,700 and
/// ~110/s after, from query plans made without column statistics; this prints
/// when autovacuum's ANALYZE of each table arrived, to read the bins against it.
/// </summary>
internal static class FreshRegistryBenchmark
{
    public static async Task<int> RunAsync(FreshRegistryOptions options, CancellationToken cancellationToken)
    {
        var environment = await RunEnvironment.ReadAsync(cancellationToken);
        Console.WriteLine($"Machine: {environment.Machine}");
        Console.WriteLine(environment.Postgres);
        var loadBefore = RunEnvironment.LoadAverage();

        await using var hub = await HubTarget.StartAsync("bench_fresh");
        if (options.WarmHub)
        {
            var warmUp = await JitWarmUp.RunAsync(
                hub, TimeSpan.FromSeconds(options.Smoke ? 1 : 10), TimeSpan.FromSeconds(options.Smoke ? 1 : 30), cancellationToken);
            await hub.Database.ForgetAsync(cancellationToken);
            Console.WriteLine($"Hub warmed up ({warmUp.Describe()}), then its tables emptied and their statistics forgotten.");
        }

        var run = new FreshRun(hub, options);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var analyses = StatisticsWatch.RunAsync(hub.Database.UnpooledConnectionString, () => run.Registered, watching.Token);
        var elapsed = await run.RunAsync(cancellationToken);
        await watching.CancelAsync();
        var analysed = await analyses;

        var rows = await hub.Database.CountApplicationsAsync(cancellationToken);
        if (rows != run.Registered)
        {
            run.Failures.Add($"{rows} applications in the database after {run.Registered} successful registrations");
        }

        if (run.Registered == 0)
        {
            run.Failures.Add("no registration succeeded");
        }

        Console.WriteLine();
        Console.WriteLine(Table(run.Completions, options.Bin));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{run.Registered} registered, {run.Refused} refused as duplicates, {run.Failures.Total} failed in {elapsed.TotalSeconds:0.0} s " +
            $"({run.Registered / elapsed.TotalSeconds:0.0} reg/s overall), {options.Clients} clients, load average {loadBefore} → {RunEnvironment.LoadAverage()}" +
            $"{(options.Smoke ? " — SMOKE RUN, measures nothing" : "")}"));
        Console.WriteLine(analysed.Count == 0
            ? "No autovacuum ANALYZE of applications, identity_keys or name_counts during the run."
            : "Autovacuum ANALYZE: " + string.Join("; ", analysed.Select(a => string.Create(
                CultureInfo.InvariantCulture, $"{a.Table} after ~{a.Registered} registrations ({a.Seconds:0} s)"))));
        FailureReport.Print(hub, run.Failures);
        Console.WriteLine(run.Failures.Total == 0 ? "All registrations succeeded." : $"FAILED: {run.Failures.Total} failures (see above).");
        return run.Failures.Total == 0 ? 0 : 1;
    }

    /// <summary>
    /// One line per bin of registrations in the order they completed: its rate
    /// (the bin's size over the time since the previous bin ended) and its latencies.
    /// </summary>
    private static string Table(IReadOnlyList<Completion> completions, int bin)
    {
        var text = new StringBuilder();
        text.AppendLine("| registrations | seconds | reg/s | p50 ms | p99 ms |");
        text.AppendLine("|---|--:|--:|--:|--:|");
        var previousEnd = TimeSpan.Zero;
        for (var start = 0; start < completions.Count; start += bin)
        {
            var slice = completions.Skip(start).Take(bin).ToList();
            var end = slice[^1].At;
            var latencies = slice.Select(c => c.Latency.TotalMilliseconds).Order().ToArray();
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {start + 1}–{start + slice.Count} | {(end - previousEnd).TotalSeconds:0.0} | {slice.Count / (end - previousEnd).TotalSeconds:0} | " +
                $"{Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.99):0.0} |"));
            previousEnd = end;
        }

        return text.ToString();
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    /// <summary>A successful registration: when it was answered, since the run began, and how long it took.</summary>
    private sealed record Completion(TimeSpan At, TimeSpan Latency);

    /// <summary>The clients of one run, each registering the next synthetic person until the count is reached.</summary>
    private sealed class FreshRun(HubTarget hub, FreshRegistryOptions options)
    {
        private readonly ConcurrentQueue<Completion> completions = new();
        private int next = -1;
        private int registered;
        private int refused;
        private long started;

        public FailureTally Failures { get; } = new();

        public int Registered => Volatile.Read(ref registered);

        public int Refused => Volatile.Read(ref refused);

        public IReadOnlyList<Completion> Completions => [.. completions.OrderBy(c => c.At)];

        public async Task<TimeSpan> RunAsync(CancellationToken cancellationToken)
        {
            var clients = Enumerable.Range(0, options.Clients).Select(i => (Client: hub.NewClient(), Desk: BenchmarkDesks.OfClient(i))).ToArray();
            started = Stopwatch.GetTimestamp();
            await Task.WhenAll(clients.Select(c => Task.Run(() => LoopAsync(c.Client, c.Desk, cancellationToken), cancellationToken)));
            return Stopwatch.GetElapsedTime(started);
        }

        private async Task LoopAsync(RegistryService.RegistryServiceClient client, string desk, CancellationToken cancellationToken)
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Applications)
            {
                var request = TestApplications.Create(desk, ApplicationOf(SyntheticApplicants.At(index)));
                var callStarted = Stopwatch.GetTimestamp();
                try
                {
                    await client.CreateApplicationAsync(request, deadline: DateTime.UtcNow + HubTarget.CallDeadline, cancellationToken: cancellationToken);
                    completions.Enqueue(new Completion(Stopwatch.GetElapsedTime(started), Stopwatch.GetElapsedTime(callStarted)));
                    Interlocked.Increment(ref registered);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.AlreadyExists)
                {
                    // Two synthetic people drawn alike: the hub refused a certain duplicate, as it should.
                    Interlocked.Increment(ref refused);
                }
                catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    Failures.Add(exception);
                }
            }
        }

        /// <summary>A valid application whose applicant is the synthetic person (who lives alone with a child).</summary>
        private static Application ApplicationOf(SyntheticApplicant person)
        {
            var application = TestApplications.Valid();
            application.Applicant = SyntheticContract.PersonOf(person);
            application.HouseholdMembers[0].LastName = person.LastName;
            return application;
        }
    }
}
