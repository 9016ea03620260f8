using Interop.Hub.Core.Cotation.Grids;

namespace Interop.Hub.Core.Cotation.Scoring;

/// <summary>
/// How long a score computed on one day stays exact with nothing changed in the application: scores grow
/// with the date alone (seniority by whole months, ages by birthdays) and a later version of the grid
/// takes over on its first day. A stored score is served from the day it was computed until the day
/// before <see cref="FreshUntil"/>, and rescored from that day on.
/// </summary>
public static class ScoreFreshness
{
    /// <summary>
    /// The first day after <paramref name="day"/> on which the score of <paramref name="subject"/> with
    /// <paramref name="versions"/> may differ without any change to the application; null when it cannot.
    /// </summary>
    public static DateOnly? FreshUntil(CotationSubject subject, GridVersions versions, DateOnly day)
    {
        DateOnly? until = versions.All.Where(version => version.ValidFrom > day).Select(version => (DateOnly?)version.ValidFrom).FirstOrDefault();
        var grid = versions.InForceOn(day);
        if (grid is null)
        {
            return until;
        }

        if (grid.ValidUntil is { } last)
        {
            until = Earliest(until, last.AddDays(1));
        }

        foreach (var criterion in grid.AllCriteria)
        {
            until = Earliest(until, criterion.Condition.ChangesAfter(subject, day));
        }

        return until;
    }

    /// <summary>Whether a score computed on <paramref name="scoredOn"/> with the version <paramref name="version"/> is still the score of <paramref name="day"/>.</summary>
    public static bool Serves(int version, DateOnly scoredOn, DateOnly? freshUntil, CotationGrid inForce, DateOnly day) =>
        version == inForce.Version && scoredOn <= day && (freshUntil is null || day < freshUntil);

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
