using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation.Outlook;
using Interop.Hub.Core.Cotation.WhatIf;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.WhatIf;

/// <summary>The what-if of a draft: one seniority grid in force, a draft that adds 40 points for DALO.</summary>
public sealed class DraftComparisonTests
{
    private const string SeniorityCriterion = """{ "id": "anciennete", "label": "Ancienneté", "kind": "seniority", "since": "filing", "pointsPerMonth": 1 }""";

    private static readonly Interop.Hub.Core.Cotation.Grids.CotationGrid Current = OneRubric("cumulative", SeniorityCriterion);

    private static readonly Interop.Hub.Core.Cotation.Grids.CotationGrid Draft = Interop.Hub.Core.Cotation.Loading.GridLoader.Load(GridJson($$"""
        [
          { "id": "rubrique", "label": "Rubrique", "rule": "cumulative", "criteria": [{{SeniorityCriterion}}] },
          { "id": "dalo", "label": "DALO", "rule": "cumulative", "criteria": [{ "id": "dalo", "label": "DALO", "kind": "priority", "flag": "daloActive", "points": 40 }] }
        ]
        """));

    [Fact]
    public void Run_ReportsPointsAndRankMoves_ByRubricTypologyAndPriorityClass()
    {
        ScoredCandidate[] stock =
        [
            new(Subject(filed: new DateOnly(2023, 6, 15), number: "A"), []), // 24 points, stays 24
            new(Subject(h => h with { Priority = new Priority { DaloStatus = DaloStatus.Active } }, filed: new DateOnly(2025, 3, 15), number: "B"), []), // 3, then 43
        ];

        var report = DraftComparison.Run(stock, Current, Draft, Day);

        Assert.Equal(
            [("A", 24m, 24m, 1, 2, -1), ("B", 3m, 43m, 2, 1, 1)],
            report.Rows.Select(r => (r.Number, r.CurrentTotal, r.DraftTotal, r.CurrentRank, r.DraftRank, r.RankMove)));
        Assert.Equal((1, 1), (report.RankUp, report.RankDown));
        Assert.Equal(["rubrique:0:0", "dalo:1:40"], report.ByRubric.Select(m => $"{m.Key}:{m.Up}:{m.MaxUp}"));
        Assert.Equal(["T3:2:20", "T4:2:20"], report.ByTypology.Select(m => $"{m.Key}:{m.Count}:{m.MeanDelta}"));
        Assert.Equal(["dalo:1:40", "aucune:1:0"], report.ByPriorityClass.Select(m => $"{m.Key}:{m.Count}:{m.MeanDelta}"));
        Assert.Equal(
            ["A,T3|T4,aucune,24,24,0,1,2,-1"],
            DraftReportCsv.Lines(report, number => number == "A").Skip(1));
    }
}
