using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Outlook;
using Interop.Hub.Core.Cotation.Ranking;
using Interop.Hub.Core.Cotation.Scoring;

namespace Interop.Hub.Core.Cotation.WhatIf;

/// <summary>
/// Scores a territory's active stock with the version in force and with a draft, on the same day and with
/// the same validations (a draft keeps the grid id, so validations of criteria it keeps still count).
/// </summary>
public static class DraftComparison
{
    public static DraftReport Run(IEnumerable<ScoredCandidate> stock, CotationGrid current, CotationGrid draft, DateOnly day)
    {
        var scored = stock
            .Select(candidate => (
                candidate.Subject,
                Current: CotationScorer.Score(candidate.Subject, current, day, candidate.Validations),
                Draft: CotationScorer.Score(candidate.Subject, draft, day, candidate.Validations)))
            .ToList();
        var currentRanks = Ranks(scored.Select(s => (s.Subject, s.Current.Total)));
        var draftRanks = Ranks(scored.Select(s => (s.Subject, s.Draft.Total)));
        var rows = scored
            .Select(s => new DraftRow
            {
                Number = s.Subject.Number,
                Typologies = s.Subject.Household.Wishes.Typologies,
                Priority = PriorityClasses.Of(s.Subject.Household),
                CurrentTotal = s.Current.Total,
                DraftTotal = s.Draft.Total,
                CurrentRank = currentRanks[s.Subject.Number],
                DraftRank = draftRanks[s.Subject.Number],
            })
            .OrderBy(row => row.CurrentRank)
            .ToList();

        var rubricIds = current.Rubrics.Select(r => r.Id).Concat(draft.Rubrics.Select(r => r.Id)).Distinct().ToList();
        var byRubric = rubricIds
            .Select(id => GroupMove.Of(id, scored.Select(s => PointsOf(s.Draft, id) - PointsOf(s.Current, id)).ToList()))
            .ToList();
        var byTypology = rows
            .SelectMany(row => row.Typologies.Distinct().Select(typology => (typology, row.PointsDelta)))
            .GroupBy(entry => entry.typology)
            .OrderBy(group => group.Key)
            .Select(group => GroupMove.Of(Typologies.Label(group.Key), group.Select(entry => entry.PointsDelta).ToList()))
            .ToList();
        var byPriority = rows
            .GroupBy(row => row.Priority)
            .OrderByDescending(group => group.Key)
            .Select(group => GroupMove.Of(PriorityClasses.Code(group.Key), group.Select(row => row.PointsDelta).ToList()))
            .ToList();

        return new DraftReport
        {
            GridId = current.GridId,
            CurrentVersion = current.Version,
            Day = day,
            Rows = rows,
            Overall = GroupMove.Of("total", rows.Select(row => row.PointsDelta).ToList()),
            RankUp = rows.Count(row => row.RankMove > 0),
            RankDown = rows.Count(row => row.RankMove < 0),
            ByRubric = byRubric,
            ByTypology = byTypology,
            ByPriorityClass = byPriority,
        };
    }

    private static decimal PointsOf(CotationScore score, string rubricId) =>
        score.Rubrics.FirstOrDefault(rubric => rubric.RubricId == rubricId)?.Points ?? 0;

    /// <summary>Ranks as a ranking for a dwelling orders them: score, then earlier filing, then number.</summary>
    private static Dictionary<string, int> Ranks(IEnumerable<(CotationSubject Subject, decimal Total)> scored)
    {
        var ordered = scored
            .OrderByDescending(entry => entry.Total)
            .ThenBy(entry => entry.Subject.FiledDate)
            .ThenBy(entry => entry.Subject.Number, StringComparer.Ordinal)
            .ToList();
        var ranks = new Dictionary<string, int>(ordered.Count, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Subject.Number] = i + 1;
        }

        return ranks;
    }
}
