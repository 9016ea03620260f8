using System.Globalization;
using System.Text;

namespace Interop.Benchmarks;

/// <summary>The summary in Markdown, ready to paste into a README.</summary>
internal static class ResultTable
{
    public static string Format(
        IReadOnlyList<ScenarioResult> results, RunEnvironment environment, BenchmarkOptions options, WarmUpOutcome hubWarmUp)
    {
        var text = new StringBuilder();
        text.AppendLine("### CreateApplication: gRPC hub vs direct SQL");
        text.AppendLine();
        if (options.Smoke)
        {
            // CI's smoke run prints the table to prove it still can; its sizes measure nothing.
            text.AppendLine("**Smoke run (--smoke): tiny sizes and warm-ups; these figures are not a measurement.**");
            text.AppendLine();
        }

        foreach (var result in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- gRPC hub reaches **{result.Ratio:0.00}×** the direct-SQL rate at {result.Scenario.Label}."));
        }

        text.AppendLine();
        text.AppendLine("| clients | desks | gRPC hub reg/s | p50 ms | p99 ms | direct SQL reg/s | p50 ms | p99 ms | gRPC/direct |");
        text.AppendLine("|--:|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var result in results)
        {
            var (scenario, hub, direct) = result;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Clients} | {scenario.Desks} | {hub.PerSecond:0} | {Ms(hub.P50)} | {Ms(hub.P99)} " +
                $"| {direct.PerSecond:0} | {Ms(direct.P50)} | {Ms(direct.P99)} | {result.Ratio:0.00}× |"));
        }

        text.AppendLine();
        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Each row: emptied tables, {options.ScenarioWarmUp.TotalSeconds:0.#} s warm-up, then {options.Duration.TotalSeconds:0} s " +
            $"of closed-loop clients (each sends its next call when the previous one is answered) per target, the hub and direct SQL " +
            $"taking turns in {options.Rounds} slice{(options.Rounds == 1 ? "" : "s")} each; latency is per successful call. " +
            $"gRPC hub: one Release hub process for the whole run, warmed up first ({hubWarmUp.Describe()}), " +
            $"one HTTP/2 channel per client, on 127.0.0.1. " +
            $"Direct SQL: the hub's six statements in one transaction from Npgsql in the benchmark process " +
            $"(no gRPC, API key look-up, validation, mapping or NOTIFY)."));
        text.AppendLine();
        text.AppendLine(
            $"Machine: {environment.Machine}; the hub, PostgreSQL and the load clients share these cores " +
            $"(1-minute load average at the end of the run: {RunEnvironment.LoadAverage()}).");
        text.AppendLine();
        text.AppendLine($"{environment.Postgres}.");
        return text.ToString();
    }

    private static string Ms(TimeSpan latency) =>
        latency.TotalMilliseconds.ToString(latency.TotalMilliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
