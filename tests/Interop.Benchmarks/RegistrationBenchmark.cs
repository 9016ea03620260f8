using System.Diagnostics;

namespace Interop.Benchmarks;

/// <summary>
/// Starts one hub and one direct-SQL writer, each on its own database, warms
/// both up, then for each scenario measures both at the same concurrency on
/// emptied tables, and prints both and their ratio.
/// </summary>
internal static class RegistrationBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var environment = await RunEnvironment.ReadAsync(cancellationToken);
        Console.WriteLine($"Machine: {environment.Machine}");
        Console.WriteLine(environment.Postgres);

        // One hub process for the whole run, as in production where it runs for
        // days: a new process per scenario would measure the JIT, not the hub.
        await using var hub = await HubTarget.StartAsync("bench_grpc");
        var hubWarmUp = await JitWarmUp.RunAsync(hub, options.HubWarmUp.Minimum, options.HubWarmUp.Maximum, cancellationToken);

        // The direct writer copies the payloads of a row the hub wrote.
        var sample = await HubRowSample.ReadAsync(hub.Database, cancellationToken);
        await using var direct = await DirectSqlTarget.CreateAsync("bench_sql", sample, cancellationToken);
        var directWarmUp = await JitWarmUp.RunAsync(
            direct, options.DirectWarmUp.Minimum, options.DirectWarmUp.Maximum, cancellationToken);
        var failures = hubWarmUp.Failures + directWarmUp.Failures;

        var results = new List<ScenarioResult>();
        foreach (var scenario in Scenario.For(options.ClientCounts))
        {
            var (result, scenarioFailures) = await MeasureAsync(hub, direct, scenario, options, cancellationToken);
            failures += scenarioFailures;
            results.Add(result);
        }

        Console.WriteLine();
        Console.WriteLine(ResultTable.Format(results, environment, options, hubWarmUp));
        Console.WriteLine(failures == 0
            ? $"All registrations succeeded; total time {total.Elapsed.TotalSeconds:0} s."
            : $"FAILED: {failures} registrations failed (see above); total time {total.Elapsed.TotalSeconds:0} s.");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(ScenarioResult Result, int Failures)> MeasureAsync(
        HubTarget hub, DirectSqlTarget direct, Scenario scenario, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var hubRun = await TargetRun.StartAsync(hub, scenario, options.ScenarioWarmUp, cancellationToken);
        var directRun = await TargetRun.StartAsync(direct, scenario, options.ScenarioWarmUp, cancellationToken);

        // Short alternating slices rather than one long run each: other work on
        // this shared machine (builds, tests) then slows both sides alike and
        // the ratio holds; swapping who goes first each round cancels a drift.
        var slice = options.Duration / options.Rounds;
        for (var round = 0; round < options.Rounds; round++)
        {
            var (first, second) = round % 2 == 0 ? (hubRun, directRun) : (directRun, hubRun);
            await first.RunSliceAsync(slice, cancellationToken);
            await second.RunSliceAsync(slice, cancellationToken);
        }

        var result = new ScenarioResult(scenario, await hubRun.FinishAsync(cancellationToken), await directRun.FinishAsync(cancellationToken));
        return (result, hubRun.Failures + directRun.Failures);
    }
}
