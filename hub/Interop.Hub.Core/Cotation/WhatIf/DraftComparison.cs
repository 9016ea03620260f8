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
    public static DraftReport Run(IEnumerable<ScoredCandidate> stock, CotationGrid current, CotationGrid draft, DateOnly day) =>
        Run(
            stock.Select(candidate => DraftInput.Of(
                candidate.Subject,
                CotationScorer.Score(candidate.Subject, current, day, candidate.Validations),
                CotationScorer.Score(candidate.Subject, draft, day, candidate.Validations))),
            current,
            draft,
            day);

    /// <summary>
    /// Compares scores already computed (the baseline may come from the stored scores): the inputs keep no
    /// household, so a whole territory fits in memory however it was paged in.
    /// </summary>
    public static DraftReport Run(IEnumerable<DraftInput> inputs, CotationGrid current, CotationGrid draft, DateOnly day)
    {
        var scored = inputs.ToList();
        var currentRanks = Ranks(scored.Select(s => (s.Number, s.FiledDate, s.CurrentTotal)));
        var draftRanks = Ranks(scored.Select(s => (s.Number, s.FiledDate, s.DraftTotal)));
        var rows = scored
            .Select(s => new DraftRow
            {
                Number = s.Number,
                Typologies = s.Typologies,
                Priority = s.Priority,
                CurrentTotal = s.CurrentTotal,
                DraftTotal = s.DraftTotal,
                CurrentRank = currentRanks[s.Number],
                DraftRank = draftRanks[s.Number],
            })
            .OrderBy(row => row.CurrentRank)
            .ToList();

        var rubricIds = current.Rubrics.Select(r => r.Id).Concat(draft.Rubrics.Select(r => r.Id)).Distinct().ToList();
        var byRubric = rubricIds
            .Select(id => GroupMove.Of(id, scored.Select(s => s.DraftRubrics.GetValueOrDefault(id) - s.CurrentRubrics.GetValueOrDefault(id)).ToList()))
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

    /// <summary>Ranks as a ranking for a dwelling orders them: score, then earlier filing, then number.</summary>
    private static Dictionary<string, int> Ranks(IEnumerable<(string Number, DateOnly FiledDate, decimal Total)> scored)
    {
        var ordered = scored
            .OrderByDescending(entry => entry.Total)
            .ThenBy(entry => entry.FiledDate)
            .ThenBy(entry => entry.Number, StringComparer.Ordinal)
            .ToList();
        var ranks = new Dictionary<string, int>(ordered.Count, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Number] = i + 1;
        }

        return ranks;
    }
}
