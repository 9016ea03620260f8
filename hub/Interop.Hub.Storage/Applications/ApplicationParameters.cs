namespace Interop.Hub.Storage.Applications;

/// <summary>The column values of one <c>applications</c> row, as <see cref="ApplicationRowMapper"/> maps a record to them.</summary>
internal sealed class ApplicationParameters
{
    public string Number { get; init; } = "";

    public string Departement { get; init; } = "";

    public string RegisteringDesk { get; init; } = "";

    public string Origin { get; init; } = "";

    public string Status { get; init; } = "";

    public long Revision { get; init; }

    public DateOnly FiledDate { get; init; }

    public DateOnly? LastRenewedDate { get; init; }

    public DateOnly ExpiryDate { get; init; }

    public string? RadiationReason { get; init; }

    public DateOnly? RadiationDate { get; init; }

    public DateOnly? WarningLetterDate { get; init; }

    public string? InadmissibilityReason { get; init; }

    public string? MergedInto { get; init; }

    public string? Household { get; init; }

    public string[] WishedCommunes { get; init; } = [];

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}
