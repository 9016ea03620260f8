using System.Globalization;

namespace Interop.Observatory.Benchmarks;

/// <summary>Percentiles and the Markdown table the benchmark prints.</summary>
internal static class Figures
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Ratio(double core, double sql) => (core / sql).ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
