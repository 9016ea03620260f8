namespace Interop.Hub.Core.Cotation.WhatIf;

/// <summary>How one group of the stock (a rubric, a typology, a priority class) moves under the draft, in points.</summary>
public sealed record GroupMove
{
    public required string Key { get; init; }

    public required int Count { get; init; }

    public required int Up { get; init; }

    public required int Down { get; init; }

    /// <summary>Mean change of points, rounded to 2 decimals.</summary>
    public required decimal MeanDelta { get; init; }

    /// <summary>Largest gain (0 when nobody gains) and largest loss (0 when nobody loses).</summary>
    public required decimal MaxUp { get; init; }

    public required decimal MaxDown { get; init; }

    public static GroupMove Of(string key, IReadOnlyCollection<decimal> deltas) => new()
    {
        Key = key,
        Count = deltas.Count,
        Up = deltas.Count(d => d > 0),
        Down = deltas.Count(d => d < 0),
        MeanDelta = deltas.Count == 0 ? 0 : Math.Round(deltas.Average(), 2, MidpointRounding.AwayFromZero),
        MaxUp = deltas.Count == 0 ? 0 : Math.Max(0, deltas.Max()),
        MaxDown = deltas.Count == 0 ? 0 : Math.Min(0, deltas.Min()),
    };
}
