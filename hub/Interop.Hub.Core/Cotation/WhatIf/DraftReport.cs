namespace Interop.Hub.Core.Cotation.WhatIf;

/// <summary>The what-if of a draft grid over a territory's active stock: one row per application and the summary.</summary>
public sealed record DraftReport
{
    public required string GridId { get; init; }

    /// <summary>The published version compared with.</summary>
    public required int CurrentVersion { get; init; }

    public required DateOnly Day { get; init; }

    /// <summary>Ordered by current rank.</summary>
    public required IReadOnlyList<DraftRow> Rows { get; init; }

    /// <summary>The whole stock, in points.</summary>
    public required GroupMove Overall { get; init; }

    /// <summary>Rows whose rank improves, worsens, stays.</summary>
    public required int RankUp { get; init; }

    public required int RankDown { get; init; }

    /// <summary>Per rubric id of either grid: the change of that rubric's points (a rubric the other grid lacks counts 0 there).</summary>
    public required IReadOnlyList<GroupMove> ByRubric { get; init; }

    /// <summary>Per typology wished: an application wishing several counts in each.</summary>
    public required IReadOnlyList<GroupMove> ByTypology { get; init; }

    public required IReadOnlyList<GroupMove> ByPriorityClass { get; init; }
}
