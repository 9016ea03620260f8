using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Attributions;

/// <summary>A CAL's decision on one candidate.</summary>
/// <param name="Rank">1 to 3 with <see cref="CalOutcome.RankedAttribution"/>, else 0.</param>
/// <param name="NotificationDate">With <see cref="CalOutcome.Inadmissibility"/>: when the household was notified and warned; the one-month warning runs from it.</param>
public sealed record CalDecision(
    CalOutcome Outcome,
    int Rank,
    InadmissibilityReason InadmissibilityReason,
    DateOnly DecisionDate,
    DateOnly? NotificationDate);
