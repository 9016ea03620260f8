namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>A seniority bucket of the stock's histogram: [<see cref="FromMonths"/>, <see cref="ToMonths"/>), open when the end is null.</summary>
public sealed record SeniorityBucket(int FromMonths, int? ToMonths)
{
    /// <summary>The buckets published: under six months, under a year, then by year up to three, three to five years, five and more.</summary>
    public static readonly IReadOnlyList<SeniorityBucket> All =
        [new(0, 6), new(6, 12), new(12, 24), new(24, 36), new(36, 60), new(60, null)];

    public bool Holds(int months) => months >= FromMonths && (ToMonths is not { } to || months < to);

    /// <summary>As the CSV names it: <c>12-24</c>, <c>60+</c>.</summary>
    public string Label => ToMonths is { } to ? $"{FromMonths}-{to}" : $"{FromMonths}+";
}
