using System.Globalization;
using System.Text;

namespace Interop.Benchmarks;

/// <summary>The summary in Markdown, ready to paste into a README.</summary>
internal static class ResultTable
{
    public static string Format(IReadOnlyList<ScenarioResult> results, RunEnvironment environment, BenchmarkOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine("### CreateApplication: gRPC hub vs direct SQL");
        text.AppendLine();
        foreach (var result in results)
        {
            text.AppendLine(Invariant(
                $"- gRPC hub reaches **{result.Ratio:0.00}×** the direct-SQL rate at {result.Scenario.Label}."));
        }

        text.AppendLine();
        text.AppendLine("| clients | desks | gRPC hub reg/s | p50 ms | p99 ms | direct SQL reg/s | p50 ms | p99 ms | gRPC/direct |");
        text.AppendLine("|--:|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (scenario, hub, direct) in results)
        {
            text.AppendLine(Invariant(
                $"| {scenario.Clients} | {scenario.Desks} | {hub.PerSecond:0} | {Ms(hub.P50)} | {Ms(hub.P99)} " +
                $"| {direct.PerSecond:0} | {Ms(direct.P50)} | {Ms(direct.P99)} | {results.First(r => r.Scenario == scenario).Ratio:0.00}× |"));
        }

        text.AppendLine();
        text.AppendLine(Invariant(
            $"Each cell: a fresh database, {BenchmarkOptions.WarmUp.TotalSeconds:0} s warm-up, then {options.Duration.TotalSeconds:0} s of " +
            "closed-loop clients (next call when the previous one is answered); latency is per successful call. " +
            "gRPC hub: one Release hub process, one HTTP/2 channel per client, on 127.0.0.1. " +
            "Direct SQL: the hub's five statements in one transaction from Npgsql (no gRPC, validation, mapping or NOTIFY)."));
        text.AppendLine();
        text.AppendLine($"Machine: {environment.Machine}; the hub, PostgreSQL and the load clients share these cores.");
        text.AppendLine();
        text.AppendLine($"{environment.Postgres}.");
        return text.ToString();
    }

    private static string Ms(TimeSpan latency) =>
        latency.TotalMilliseconds.ToString(latency.TotalMilliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
