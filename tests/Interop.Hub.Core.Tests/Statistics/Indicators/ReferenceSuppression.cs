using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Core.Tests.Statistics.Indicators;

/// <summary>
/// The cross-call rule as it was first written, kept as the reference the fast one must equal decision for
/// decision: every member's whole tables laid out, one list per identity, plain sweeps until nothing changes.
/// </summary>
internal static class ReferenceSuppression
{
    public static IReadOnlyDictionary<(DateOnly From, DateOnly To), CrossCallSuppression.Decision> ForTerritory(
        string territory,
        IReadOnlyList<SuppressionFamily> chain,
        IReadOnlyDictionary<string, TerritoryCounts> counts,
        IEnumerable<int> years,
        DateOnly today,
        int threshold)
    {
        var result = new Dictionary<(DateOnly, DateOnly), CrossCallSuppression.Decision>();
        foreach (var year in years.Distinct())
        {
            // A territory's tables are read by every family of the chain that holds it or one of its members.
            var tables = new Dictionary<string, IReadOnlyList<IndicatorTable>>(StringComparer.Ordinal);
            IReadOnlyDictionary<string, IReadOnlyList<CrossCallSuppression.Decision>>? above = null;
            foreach (var family in chain)
            {
                above = Decide(family, counts, year, today, threshold, above, tables);
            }

            foreach (var decision in above?.GetValueOrDefault(territory) ?? [])
            {
                result[(decision.Table.From, decision.Table.To)] = decision;
            }
        }

        return result;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<CrossCallSuppression.Decision>> Decide(
        SuppressionFamily family,
        IReadOnlyDictionary<string, TerritoryCounts> counts,
        int year,
        DateOnly today,
        int threshold,
        IReadOnlyDictionary<string, IReadOnlyList<CrossCallSuppression.Decision>>? above = null,
        IDictionary<string, IReadOnlyList<IndicatorTable>>? known = null)
    {
        var width = IndicatorCells.Width;
        known ??= new Dictionary<string, IReadOnlyList<IndicatorTable>>(StringComparer.Ordinal);
        IReadOnlyList<IndicatorTable> TablesOf(string territory)
        {
            if (!known.TryGetValue(territory, out var laidOut))
            {
                known[territory] = laidOut = YearTables.Of(counts.GetValueOrDefault(territory) ?? TerritoryCounts.None, year, today);
            }

            return laidOut;
        }

        // Members without a row count zero everywhere: nothing to withhold, nothing that gives another away.
        var members = family.Members.Where(m => counts.ContainsKey(m) || m == family.Whole).Distinct(StringComparer.Ordinal).ToList();
        var tables = members.ToDictionary(m => m, TablesOf, StringComparer.Ordinal);
        var ancestorTables = family.Ancestors.Values.SelectMany(a => a).Distinct(StringComparer.Ordinal).ToDictionary(a => a, TablesOf, StringComparer.Ordinal);
        if (members.Count == 0 || tables[members[0]].Count == 0)
        {
            return members.ToDictionary(m => m, _ => (IReadOnlyList<CrossCallSuppression.Decision>)[], StringComparer.Ordinal);
        }

        var periods = tables[members[0]];
        var periodCount = periods.Count;
        int Index(int member, int period, int cell) => (((member * periodCount) + period) * width) + cell;
        var values = new long[members.Count * periodCount * width];
        var suppressed = new bool[values.Length];
        var enclosing = Enumerable.Range(0, periodCount).Select(p => Enclosing(periods, p)).ToList();
        for (var m = 0; m < members.Count; m++)
        {
            var own = tables[members[m]];
            var ancestors = (family.Ancestors.GetValueOrDefault(members[m]) ?? []).Select(a => ancestorTables[a]).Append(own).ToList();
            for (var p = 0; p < periodCount; p++)
            {
                for (var cell = 0; cell < width; cell++)
                {
                    var value = own[p].Values[cell];
                    values[Index(m, p, cell)] = value;
                    // A zero inside a small total gives nothing away: that total is withheld itself.
                    suppressed[Index(m, p, cell)] = SmallCellSuppression.IsSmall(value, threshold)
                        || value > 0 && SmallDifference(ancestors, enclosing[p], periods, p, cell, value, threshold);
                }
            }
        }

        var relations = new List<CellRelation>();
        var calendarParts = Enumerable.Range(0, periodCount).Select(p => CalendarParts(periods, p).ToList()).ToList();
        for (var m = 0; m < members.Count; m++)
        {
            for (var p = 0; p < periodCount; p++)
            {
                var offset = Index(m, p, 0);
                relations.AddRange(IndicatorCells.Relations.Select(r => new CellRelation(offset + r.Sum, r.Parts.Select(i => offset + i).ToList())));
                foreach (var part in calendarParts[p])
                {
                    for (var cell = 0; cell < width; cell++)
                    {
                        // A stock over a period is its last month's: an identity of one part.
                        var parts = IndicatorCells.IsStock(cell) ? [part[^1]] : part;
                        relations.Add(new CellRelation(Index(m, p, cell), parts.Select(q => Index(m, q, cell)).ToList()));
                    }
                }
            }
        }

        var whole = family.Whole is { } w ? members.IndexOf(w) : -1;
        var parentDecisions = family.Parent is { } parent ? above?.GetValueOrDefault(parent) : null;
        for (var p = 0; p < periodCount; p++)
        {
            for (var cell = 0; cell < width; cell++)
            {
                var parts = Enumerable.Range(0, members.Count).Where(m => m != whole).Select(m => Index(m, p, cell)).ToList();
                if (whole >= 0)
                {
                    relations.Add(new CellRelation(Index(whole, p, cell), parts));
                }
                else if (family.Parent is not null)
                {
                    var parentWithheld = parentDecisions is { Count: > 0 } && parentDecisions[p].Suppressed[cell];
                    relations.Add(new CellRelation(parentWithheld ? CellRelation.WithheldElsewhere : CellRelation.PublishedElsewhere, parts));
                }
            }
        }

        PlainSweeps(values, relations, suppressed);
        return Enumerable.Range(0, members.Count).ToDictionary(
            m => members[m],
            m => (IReadOnlyList<CrossCallSuppression.Decision>)tables[members[m]].Select((table, p) => new CrossCallSuppression.Decision(table, suppressed[Index(m, p, 0)..Index(m, p + 1, 0)])).ToList(),
            StringComparer.Ordinal);
    }

    // Rule 2: the cell's difference with the same cell of a containing territory (or itself) over a period
    // containing p is small; a stock only against stocks of the same day. Loops, not LINQ: a family's decision
    // asks this of every cell of every member.
    private static bool SmallDifference(
        List<IReadOnlyList<IndicatorTable>> ancestors, List<int> enclosing, IReadOnlyList<IndicatorTable> periods, int p, int cell, long value, int threshold)
    {
        var stock = IndicatorCells.IsStock(cell);
        foreach (var ancestor in ancestors)
        {
            foreach (var q in enclosing)
            {
                if ((!stock || periods[q].To == periods[p].To) && SmallCellSuppression.IsSmall(ancestor[q].Values[cell] - value, threshold))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The periods of the year's tables that contain period p, itself included.
    private static List<int> Enclosing(IReadOnlyList<IndicatorTable> periods, int p) =>
        Enumerable.Range(0, periods.Count).Where(q => periods[q].From <= periods[p].From && periods[q].To >= periods[p].To).ToList();

    // For each longer period p, the ways it splits into shorter ones of the year: the year into its quarters and
    // into its months, a quarter into its months; oldest first, so the last part ends with p.
    private static IEnumerable<List<int>> CalendarParts(IReadOnlyList<IndicatorTable> periods, int p)
    {
        var months = Enumerable.Range(0, periods.Count).Where(q => periods[q].From.Month == periods[q].To.Month && periods[q].From.Year == periods[q].To.Year).ToList();
        var isMonth = months.Contains(p);
        if (isMonth)
        {
            yield break;
        }

        var inside = Enumerable.Range(0, periods.Count).Where(q => q != p && periods[q].From >= periods[p].From && periods[q].To <= periods[p].To).ToList();
        yield return inside.Where(months.Contains).OrderBy(q => periods[q].From).ToList();
        var quarters = inside.Where(q => !months.Contains(q)).OrderBy(q => periods[q].From).ToList();
        if (quarters.Count > 0)
        {
            yield return quarters;
        }
    }

    // Secondary suppression as its rule reads: sweep every identity in order, again and again, until a sweep
    // withholds nothing.
    private static void PlainSweeps(long[] values, List<CellRelation> relations, bool[] suppressed)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var relation in relations)
            {
                var hidden = (relation.Sum >= 0 ? (suppressed[relation.Sum] ? 1 : 0) : relation.Sum == CellRelation.WithheldElsewhere ? 1 : 0)
                    + relation.Parts.Count(p => suppressed[p]);
                if (hidden != 1)
                {
                    continue;
                }

                var published = relation.Parts.Where(p => !suppressed[p]).ToList();
                var nonZero = published.Where(p => values[p] > 0).OrderBy(p => values[p]).ThenBy(p => p).ToList();
                var chosen = nonZero.Count > 0 ? nonZero[0] : published.Count > 0 ? published.Min() : relation.Sum;
                if (chosen >= 0)
                {
                    suppressed[chosen] = true;
                    changed = true;
                }
            }
        }
        while (changed);
    }
}
