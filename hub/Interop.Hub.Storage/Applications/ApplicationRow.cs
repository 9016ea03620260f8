namespace Interop.Hub.Storage.Applications;

/// <summary>
/// The column values of one <c>applications</c> row: as Dapper reads them, and as
/// <see cref="ApplicationRowMapper"/> maps a record to them for the writes (one insert, the bulk
/// insert, the update).
/// </summary>
internal sealed class ApplicationRow
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

    /// <summary>
    /// Written from the household's wishes, for the read scope's and the filter's index; reads
    /// do not select it (the record takes the wishes from <see cref="Household"/>), so it stays empty there.
    /// </summary>
    public string[] WishedCommunes { get; init; } = [];

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
