using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;

namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// The layout of one territory's table for one period: where each count sits,
/// which cells are stock (at the period's end) and which are flows (summed
/// over its months), and the identities the table publishes (a total and its
/// parts). One owner, so the series and the cross-call suppression agree.
/// </summary>
public static class IndicatorCells
{
    public static readonly IReadOnlyList<RadiationReason> Reasons =
        [RadiationReason.Attribution, RadiationReason.Renunciation, RadiationReason.NoAnswer, RadiationReason.Inadmissibility, RadiationReason.NotRenewed];

    public static readonly IReadOnlyList<ReservationHolder> Holders = Enum.GetValues<ReservationHolder>();

    // Stock cells first: a stock cell's value depends on the period's end only.
    public const int Active = 0;
    public const int ActiveByTypology = Active + 1;
    public static readonly int ByBucket = ActiveByTypology + NeededTypologies.All.Count;
    public static readonly int Transfers = ByBucket + SeniorityBucket.All.Count;

    // Flow cells: a period's value is the sum of its months'.
    public static readonly int NewApplications = Transfers + 1;
    public static readonly int Renewals = NewApplications + 1;
    public static readonly int Radiations = Renewals + 1;
    public static readonly int ByReason = Radiations + 1;
    public static readonly int Attributions = ByReason + Reasons.Count;
    public static readonly int AttributedByTypology = Attributions + 1;
    public static readonly int ByHolder = AttributedByTypology + NeededTypologies.All.Count;
    public static readonly int Priority = ByHolder + Holders.Count;
    public static readonly int Refusals = Priority + 1;

    public static readonly int Width = Refusals + 1;

    /// <summary>The identities of one table, cells numbered from 0.</summary>
    public static readonly IReadOnlyList<CellRelation> Relations =
    [
        new(Active, Range(ActiveByTypology, NeededTypologies.All.Count)),
        new(Active, Range(ByBucket, SeniorityBucket.All.Count)),
        new(Radiations, Range(ByReason, Reasons.Count)),
        new(Attributions, [ByReason + IndexOf(Reasons, RadiationReason.Attribution)]),
        new(Attributions, Range(AttributedByTypology, NeededTypologies.All.Count)),
        new(Attributions, Range(ByHolder, Holders.Count)),
    ];

    /// <summary>Whether the cell counts the stock at the period's end (else a flow over the period).</summary>
    public static bool IsStock(int cell) => cell < NewApplications;

    private static List<int> Range(int start, int count) => Enumerable.Range(start, count).ToList();

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], item))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(item), item, "Not in the list.");
    }
}
