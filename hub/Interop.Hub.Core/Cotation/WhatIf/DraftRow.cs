using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation.WhatIf;

/// <summary>One application of the stock under the grid in force and under the draft.</summary>
public sealed record DraftRow
{
    public required string Number { get; init; }

    public required IReadOnlyList<Typology> Typologies { get; init; }

    public required PriorityClass Priority { get; init; }

    public required decimal CurrentTotal { get; init; }

    public required decimal DraftTotal { get; init; }

    /// <summary>Rank in the territory's stock under the grid in force: 1 for the first.</summary>
    public required int CurrentRank { get; init; }

    public required int DraftRank { get; init; }

    public decimal PointsDelta => DraftTotal - CurrentTotal;

    /// <summary>Places gained (positive) or lost (negative) under the draft.</summary>
    public int RankMove => CurrentRank - DraftRank;
}
