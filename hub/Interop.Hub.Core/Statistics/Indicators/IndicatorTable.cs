using System.Globalization;
using Interop.Hub.Core.Attributions;

namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// The raw counts of one territory over one period, laid out as
/// <see cref="IndicatorCells"/>, before any suppression, with the
/// distributions its means and medians are taken from.
/// </summary>
public sealed class IndicatorTable
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required long[] Values { get; init; }

    /// <summary>The stock's seniorities at the end (months, how many).</summary>
    public required IReadOnlyList<(int Months, long Count)> Seniorities { get; init; }

    /// <summary>The period's attributions by whole months from filing.</summary>
    public required IReadOnlyList<(int Months, long Count)> Delays { get; init; }

    /// <param name="stock">Active applications at the end of <paramref name="to"/>, by typology, month of filing and transfer.</param>
    /// <param name="flows">The period's flow counts by indicator and dimension.</param>
    public static IndicatorTable Of(
        DateOnly from,
        DateOnly to,
        IReadOnlyDictionary<(NeededTypology Typology, DateOnly FiledMonth, bool Transfer), long> stock,
        IReadOnlyDictionary<(string Indicator, string Dimension), long> flows)
    {
        var values = new long[IndicatorCells.Width];
        var buckets = SeniorityBucket.All;
        var endIndex = (to.Year * 12) + to.Month;
        var seniorities = new List<(int Months, long Count)>();
        foreach (var ((typology, filedMonth, transfer), count) in stock)
        {
            if (count == 0)
            {
                continue;
            }

            var months = endIndex - ((filedMonth.Year * 12) + filedMonth.Month);
            values[IndicatorCells.Active] += count;
            values[IndicatorCells.Transfers] += transfer ? count : 0;
            values[IndicatorCells.ActiveByTypology + (int)typology - 1] += count;
            for (var b = 0; b < buckets.Count; b++)
            {
                if (buckets[b].Holds(months))
                {
                    values[IndicatorCells.ByBucket + b] += count;
                    break;
                }
            }

            seniorities.Add((months, count));
        }

        long Flow(string indicator, string dimension = "") => flows.GetValueOrDefault((indicator, dimension));
        values[IndicatorCells.NewApplications] = Flow(FlowIndicator.New);
        values[IndicatorCells.Renewals] = Flow(FlowIndicator.Renewed);
        values[IndicatorCells.Priority] = Flow(FlowIndicator.AttributedPriority);
        values[IndicatorCells.Refusals] = Flow(FlowIndicator.OfferRefused);
        for (var r = 0; r < IndicatorCells.Reasons.Count; r++)
        {
            values[IndicatorCells.ByReason + r] = Flow(FlowIndicator.Radiated, IndicatorCells.Reasons[r].ToString());
        }

        for (var t = 0; t < NeededTypologies.All.Count; t++)
        {
            values[IndicatorCells.AttributedByTypology + t] = Flow(FlowIndicator.Attributed, ((int)NeededTypologies.All[t]).ToString(CultureInfo.InvariantCulture));
        }

        for (var h = 0; h < IndicatorCells.Holders.Count; h++)
        {
            var holder = IndicatorCells.Holders[h];
            values[IndicatorCells.ByHolder + h] = Flow(FlowIndicator.AttributedByHolder, holder == ReservationHolder.Unspecified ? "" : AttributionSneCodes.Of(holder));
        }

        var delays = new List<(int Months, long Count)>();
        foreach (var ((indicator, dimension), count) in flows)
        {
            switch (indicator)
            {
                case FlowIndicator.Radiated:
                    values[IndicatorCells.Radiations] += count;
                    break;
                case FlowIndicator.Attributed:
                    values[IndicatorCells.Attributions] += count;
                    break;
                case FlowIndicator.AttributionDelay:
                    delays.Add((int.Parse(dimension, CultureInfo.InvariantCulture), count));
                    break;
            }
        }

        return new IndicatorTable { From = from, To = to, Values = values, Seniorities = seniorities, Delays = delays };
    }
}
