using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Storage.Statistics;

/// <summary>
/// A territory's stock of one month given as two marginals, m_F (by month of filing) and m_TX (by typology and
/// transfer), laid out as movements whose sums by typology, by month of filing and by transfer are those of
/// the stored movements (every cell a table takes from the stock is one of those sums: the active total, by
/// typology, by seniority bucket, the transfers): m_F(f) at (T₀, f, X₀), m_TX(t, x) at (t, F₀, x), and −N at
/// (T₀, F₀, X₀), N the month's total, with T₀ the first typology, X₀ no transfer and F₀ one fixed month (what
/// lands there cancels out, N − N, whatever seniority bucket it falls in; fixed, so a territory's stock holds a
/// few dozen keys rather than one per month). A sum over one key gives back its marginal: at the base key,
/// m + N − N.
/// </summary>
internal sealed class StockMarginals
{
    private const NeededTypology BaseTypology = NeededTypology.T1OrT2;

    private static readonly DateOnly BaseFiledMonth = new(2000, 1, 1);

    private readonly Dictionary<(string Territory, DateOnly Month), long> totals = [];

    public void ByFiling(List<StockMovement> rows, string territory, DateOnly month, DateOnly filedMonth, long delta)
    {
        rows.Add(new StockMovement(month, BaseTypology, filedMonth, false, delta));
        totals[(territory, month)] = totals.GetValueOrDefault((territory, month)) + delta;
    }

    public static void ByKind(List<StockMovement> rows, DateOnly month, NeededTypology typology, bool transfer, long delta) =>
        rows.Add(new StockMovement(month, typology, BaseFiledMonth, transfer, delta));

    public void Balance(Dictionary<string, List<StockMovement>> movements)
    {
        foreach (var ((territory, month), total) in totals)
        {
            movements[territory].Add(new StockMovement(month, BaseTypology, BaseFiledMonth, false, -total));
        }
    }
}
