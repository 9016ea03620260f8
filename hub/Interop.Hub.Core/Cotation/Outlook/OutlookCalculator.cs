using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Scoring;

namespace Interop.Hub.Core.Cotation.Outlook;

/// <summary>
/// The applicant's position and expected wait with one grid. « Similar » means: wishing the typology and
/// at least one commune of the grid's territory (same EPCI, same typology); for the wait, also a score in
/// the applicant's <see cref="ScoreBand"/>. Pure: the caller brings the stock and the history.
/// </summary>
public static class OutlookCalculator
{
    /// <summary>How far back the attribution history counts.</summary>
    public const int WindowMonths = 12;

    public static ApplicantOutlook Compute(
        ScoredCandidate applicant,
        Typology typology,
        GridVersions versions,
        DateOnly day,
        IEnumerable<ScoredCandidate> activeStock,
        IEnumerable<PastAttribution> history)
    {
        var grid = versions.InForceOn(day) ?? throw new ArgumentException($"no version of grid '{versions.GridId}' is in force on {day:yyyy-MM-dd}.", nameof(day));
        var score = CotationScorer.Score(applicant.Subject, grid, day, applicant.Validations);
        var ahead = 0;
        var similar = 0;
        foreach (var other in activeStock)
        {
            if (other.Subject.Number == applicant.Subject.Number || !IsSimilar(other.Subject, typology, grid))
            {
                continue;
            }

            similar++;
            var total = CotationScorer.Score(other.Subject, grid, day, other.Validations).Total;
            if (RanksBefore(total, other.Subject, score.Total, applicant.Subject))
            {
                ahead++;
            }
        }

        return Compute(applicant, score, typology, versions, day, similar, ahead, history);
    }

    /// <summary>
    /// The outlook from counts made elsewhere (the stored scores): <paramref name="similarOthers"/> similar
    /// active applications besides the applicant, <paramref name="aheadOthers"/> of them ranking before
    /// <paramref name="score"/>, the applicant's score of <paramref name="day"/>.
    /// </summary>
    public static ApplicantOutlook Compute(
        ScoredCandidate applicant,
        CotationScore score,
        Typology typology,
        GridVersions versions,
        DateOnly day,
        int similarOthers,
        int aheadOthers,
        IEnumerable<PastAttribution> history)
    {
        var grid = versions.InForceOn(day) ?? throw new ArgumentException($"no version of grid '{versions.GridId}' is in force on {day:yyyy-MM-dd}.", nameof(day));
        var band = ScoreBand.Around(score.Total);
        var ahead = aheadOthers;
        var similar = similarOthers + 1;
        var windowStart = day.AddMonths(-WindowMonths).AddDays(1);
        var waits = new List<int>();
        foreach (var lease in history)
        {
            if (lease.LeaseDate < windowStart || lease.LeaseDate > day || lease.Typology != typology || !grid.Communes.Contains(lease.CommuneCode))
            {
                continue;
            }

            // Scored as it stood on its lease day, with the version then in force: the score it was attributed with.
            var then = CotationScorer.ScoreOn(lease.Candidate.Subject, versions, lease.LeaseDate, lease.Candidate.Validations);
            if (then is not null && band.Contains(then.Total))
            {
                waits.Add(lease.LeaseDate.DayNumber - lease.Candidate.Subject.FiledDate.DayNumber);
            }
        }

        return new ApplicantOutlook
        {
            Score = score,
            Typology = typology,
            Band = band,
            WindowStart = windowStart,
            SimilarAttributions = waits.Count,
            AverageWaitDays = waits.Count == 0 ? null : (int)Math.Round(waits.Average(w => (decimal)w), MidpointRounding.AwayFromZero),
            Position = ahead + 1,
            SimilarActive = similar,
        };
    }

    /// <summary>Active, wishing the typology and a commune of the grid's territory.</summary>
    public static bool IsSimilar(CotationSubject subject, Typology typology, CotationGrid grid) =>
        subject.Status == ApplicationStatus.Active
        && subject.Household.Wishes.Typologies.Contains(typology)
        && subject.Household.Wishes.CommuneCodes.Any(grid.Communes.Contains);

    /// <summary>The ranking's order: higher score, then earlier filing, then number (as CandidateRanker).</summary>
    public static bool RanksBefore(decimal total, CotationSubject subject, decimal otherTotal, CotationSubject other) =>
        total != otherTotal ? total > otherTotal
        : subject.FiledDate != other.FiledDate ? subject.FiledDate < other.FiledDate
        : string.CompareOrdinal(subject.Number, other.Number) < 0;
}
