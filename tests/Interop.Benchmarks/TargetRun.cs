using System.Globalization;

namespace Interop.Benchmarks;

/// <summary>
/// One target's share of a scenario: its clients, the timed slices they ran,
/// and every failure, checked at the end against the rows actually committed.
/// </summary>
internal sealed class TargetRun
{
    private readonly IRegistrationTarget target;
    private readonly Scenario scenario;
    private readonly Registration[] clients;
    private readonly FailureTally failures = new();
    private readonly List<LoadSample> slices = [];
    private int untimedSuccesses;

    private TargetRun(IRegistrationTarget target, Scenario scenario)
    {
        this.target = target;
        this.scenario = scenario;
        clients = [.. Enumerable.Range(0, scenario.Clients).Select(i => target.ClientFor(scenario.DeskOf(i)))];
    }

    public int Failures => failures.Total;

    /// <summary>Empties the target's tables and opens the scenario's channels and connections with an untimed warm-up of <paramref name="warmUp"/>.</summary>
    public static async Task<TargetRun> StartAsync(IRegistrationTarget target, Scenario scenario, TimeSpan warmUp, CancellationToken cancellationToken)
    {
        await target.Database.EmptyAsync(cancellationToken);
        var run = new TargetRun(target, scenario);

        // Its failures count like any other, its timings do not.
        var warmUpSample = await ClosedLoop.RunAsync(run.clients, warmUp, run.failures, cancellationToken);
        run.untimedSuccesses = warmUpSample.Successes;
        return run;
    }

    public async Task RunSliceAsync(TimeSpan duration, CancellationToken cancellationToken) =>
        slices.Add(await ClosedLoop.RunAsync(clients, duration, failures, cancellationToken));

    /// <summary>Checks the committed rows, prints the target's line, and returns its figures.</summary>
    public async Task<LoadResult> FinishAsync(CancellationToken cancellationToken)
    {
        var result = LoadResult.From(slices);

        // A target that answered nothing in its whole measured time is broken
        // even if no call failed outright (every call outlived its slice).
        if (result.Successes == 0)
        {
            failures.Add("no registration succeeded in the measured slices");
        }

        // Every OK the clients saw must be a committed row, and no more.
        var expected = untimedSuccesses + result.Successes;
        var rows = await target.Database.CountApplicationsAsync(cancellationToken);
        if (rows != expected)
        {
            failures.Add($"{rows} applications in the database after {expected} successful registrations");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{scenario.Label,-28} {target.Name,-10}: {result.Successes,6} ok, {failures.Total} failed in {result.Elapsed.TotalSeconds:0.0} s " +
            $"= {result.PerSecond,7:0.0} reg/s, p50 {result.P50.TotalMilliseconds:0.0} ms, p99 {result.P99.TotalMilliseconds:0.0} ms"));
        FailureReport.Print(target, failures);
        return result;
    }
}
