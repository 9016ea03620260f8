namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>A ratio, share, mean or median: a value, or suppressed, or undefined (over zero, of nothing).</summary>
public readonly record struct DerivedValue(double? Value, bool Suppressed)
{
    public static readonly DerivedValue Withheld = new(null, true);

    public static readonly DerivedValue None = new(null, false);

    public bool Undefined => Value is null && !Suppressed;

    /// <summary><paramref name="numerator"/> ÷ <paramref name="denominator"/>, withheld when either is.</summary>
    public static DerivedValue Ratio(StockCell numerator, StockCell denominator) =>
        numerator.Suppressed || denominator.Suppressed ? Withheld
        : denominator.Count == 0 ? None
        : new((double)numerator.Count!.Value / denominator.Count!.Value, false);

    /// <summary>A ratio of two derived values: undefined when the numerator is (it tells nothing the numerator did not), else withheld when either is.</summary>
    public static DerivedValue Ratio(DerivedValue numerator, DerivedValue denominator) =>
        numerator.Undefined ? None
        : numerator.Suppressed || denominator.Suppressed ? Withheld
        : numerator.Value is not { } n || denominator.Value is not { } d || d == 0 ? None
        : new(n / d, false);
}
