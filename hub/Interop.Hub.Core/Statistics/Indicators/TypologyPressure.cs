namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>The pressure of one needed typology and its imbalance indicator (its pressure ÷ the overall one).</summary>
public sealed record TypologyPressure(DerivedValue Pressure, DerivedValue Imbalance);
