namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>The length of the periods of an indicator series (calendar, French time).</summary>
public enum PeriodLength
{
    Unspecified = 0,
    Month = 1,
    Quarter = 2,
    Year = 3,
}
