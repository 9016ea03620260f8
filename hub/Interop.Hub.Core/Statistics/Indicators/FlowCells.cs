using System.Globalization;
using Interop.Hub.Core.Attributions;

namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Where a flow row counts among <see cref="IndicatorCells"/>: the cells <see cref="IndicatorTable.Of"/> fills
/// from a period's flows, as one lookup per row (a family's decision sums every month of every member).
/// </summary>
internal static class FlowCells
{
    // The cells read from one (indicator, dimension) exactly, as IndicatorTable.Of looks them up; a list, in case
    // two cells ever read the same key.
    private static readonly Dictionary<(string Indicator, string Dimension), int[]> Exact = Build();

    /// <summary>Adds a flow row's count to the cells it counts in, <paramref name="cells"/> starting at <paramref name="offset"/>.</summary>
    public static void Add(long[] cells, int offset, string indicator, string dimension, long count)
    {
        // Totals count every dimension, known or not, as IndicatorTable.Of does.
        if (indicator == FlowIndicator.Radiated)
        {
            cells[offset + IndicatorCells.Radiations] += count;
        }
        else if (indicator == FlowIndicator.Attributed)
        {
            cells[offset + IndicatorCells.Attributions] += count;
        }

        if (Exact.TryGetValue((indicator, dimension), out var exact))
        {
            foreach (var cell in exact)
            {
                cells[offset + cell] += count;
            }
        }
    }

    private static Dictionary<(string, string), int[]> Build()
    {
        var cells = new List<((string, string) Key, int Cell)>
        {
            ((FlowIndicator.New, ""), IndicatorCells.NewApplications),
            ((FlowIndicator.Renewed, ""), IndicatorCells.Renewals),
            ((FlowIndicator.AttributedPriority, ""), IndicatorCells.Priority),
            ((FlowIndicator.OfferRefused, ""), IndicatorCells.Refusals),
        };
        for (var r = 0; r < IndicatorCells.Reasons.Count; r++)
        {
            cells.Add(((FlowIndicator.Radiated, IndicatorCells.Reasons[r].ToString()), IndicatorCells.ByReason + r));
        }

        for (var t = 0; t < NeededTypologies.All.Count; t++)
        {
            cells.Add(((FlowIndicator.Attributed, ((int)NeededTypologies.All[t]).ToString(CultureInfo.InvariantCulture)), IndicatorCells.AttributedByTypology + t));
        }

        for (var h = 0; h < IndicatorCells.Holders.Count; h++)
        {
            var holder = IndicatorCells.Holders[h];
            cells.Add(((FlowIndicator.AttributedByHolder, holder == ReservationHolder.Unspecified ? "" : AttributionSneCodes.Of(holder)), IndicatorCells.ByHolder + h));
        }

        return cells.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Select(c => c.Cell).ToArray());
    }
}
