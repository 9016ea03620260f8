using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation.Scoring;

namespace Interop.Hub.Core.Cotation.WhatIf;

/// <summary>What a draft's run keeps of one application: its keys, and its totals and rubric points under both grids.</summary>
public sealed record DraftInput
{
    public required string Number { get; init; }

    public required DateOnly FiledDate { get; init; }

    public required IReadOnlyList<Typology> Typologies { get; init; }

    public required PriorityClass Priority { get; init; }

    public required decimal CurrentTotal { get; init; }

    public required IReadOnlyDictionary<string, decimal> CurrentRubrics { get; init; }

    public required decimal DraftTotal { get; init; }

    public required IReadOnlyDictionary<string, decimal> DraftRubrics { get; init; }

    public static DraftInput Of(CotationSubject subject, CotationScore current, CotationScore draft) => new()
    {
        Number = subject.Number,
        FiledDate = subject.FiledDate,
        Typologies = subject.Household.Wishes.Typologies,
        Priority = PriorityClasses.Of(subject.Household),
        CurrentTotal = current.Total,
        CurrentRubrics = RubricsOf(current),
        DraftTotal = draft.Total,
        DraftRubrics = RubricsOf(draft),
    };

    public static IReadOnlyDictionary<string, decimal> RubricsOf(CotationScore score) =>
        score.Rubrics.GroupBy(rubric => rubric.RubricId, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Sum(rubric => rubric.Points), StringComparer.Ordinal);
}
