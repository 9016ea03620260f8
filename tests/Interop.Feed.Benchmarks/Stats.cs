namespace Interop.Feed.Benchmarks;

internal static class Stats
{
    public static double Percentile(List<double> values, double p)
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
