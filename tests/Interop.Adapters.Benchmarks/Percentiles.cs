namespace Interop.Adapters.Benchmarks;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of <paramref name="values"/> (sorted here); NaN when empty.</summary>
    public static double Of(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var index = (int)Math.Ceiling(p / 100 * values.Count) - 1;
        return values[Math.Clamp(index, 0, values.Count - 1)];
    }
}
