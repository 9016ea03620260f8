namespace Interop.NationalExchange.Returns;

/// <summary>One line of a return file; <see cref="Position"/> is its place among the file's lines (1, 2, 3…).</summary>
public abstract record ReturnLine
{
    /// <summary>The line's place among the lines of its file, from 1.</summary>
    public long Position { get; init; }

    /// <summary>The application's number.</summary>
    public required string Number { get; init; }
}

/// <summary>An exported line the national registry took, and the national status it led to.</summary>
public sealed record Acquittement : ReturnLine
{
    /// <summary>The line's <c>numeroOrdre</c> in the export file.</summary>
    public required long NumeroOrdre { get; init; }

    /// <summary>CRE, MOD, REN, RAD or SUP.</summary>
    public required string TypeFichier { get; init; }

    /// <summary>The application's revision the line carried.</summary>
    public required long Revision { get; init; }

    /// <summary>ACT, RAD or SUP.</summary>
    public required string Statut { get; init; }

    /// <summary>With RAD: the radiation code.</summary>
    public string? Motif { get; init; }
}

/// <summary>An exported line the national controls refused.</summary>
public sealed record Rejet : ReturnLine
{
    /// <summary>The line's <c>numeroOrdre</c> in the export file.</summary>
    public required long NumeroOrdre { get; init; }

    /// <summary>CRE, MOD, REN, RAD or SUP.</summary>
    public required string TypeFichier { get; init; }

    /// <summary>The application's revision the line carried.</summary>
    public required long Revision { get; init; }

    /// <summary>The national control's code.</summary>
    public required string CodeControle { get; init; }

    /// <summary>The national control's message.</summary>
    public required string Libelle { get; init; }
}

/// <summary>An application the national registry radiated elsewhere.</summary>
public sealed record RadiationAilleurs : ReturnLine
{
    /// <summary>RADATT, RADABA, RADCON, RADIRR or RADREN.</summary>
    public required string Motif { get; init; }

    /// <summary>With RADIRR: IRRRES or IRRSEJ.</summary>
    public string? SousMotif { get; init; }

    /// <summary>The day of the national radiation.</summary>
    public required DateOnly DateRadiation { get; init; }
}

/// <summary>A DALO decision about the household, reported by the national registry (return files of version 2).</summary>
public sealed record DecisionDalo : ReturnLine
{
    /// <summary>The SNE status: NON, ACTIF, CADUC or ACTREL.</summary>
    public required string StatutDalo { get; init; }

    /// <summary>The day of the decision.</summary>
    public required DateOnly DateDecision { get; init; }
}
