namespace Interop.Hub.Storage.History;

/// <summary>
/// <c>application_history.facts</c> as stored: codes in their stored forms
/// (status text, SNE radiation codes, typology names) so that the document
/// reads on its own and migration 0007 can write it in SQL.
/// </summary>
internal sealed class StoredFacts
{
    public string Status { get; set; } = "";

    public DateOnly FiledDate { get; set; }

    public DateOnly? LastRenewedDate { get; set; }

    public DateOnly ExpiryDate { get; set; }

    public string? RadiationReason { get; set; }

    public DateOnly? RadiationDate { get; set; }

    public DateOnly? WarningLetterDate { get; set; }

    public string? InadmissibilityReason { get; set; }

    public string? MergedInto { get; set; }

    public int HouseholdSize { get; set; } = 1;

    public bool CoApplicant { get; set; }

    public int Children { get; set; }

    public List<string> Typologies { get; set; } = [];

    public List<string> WishedCommunes { get; set; } = [];

    // Absent (false) in facts written before the observatory's indicators counted them.
    public bool Transfer { get; set; }

    public bool PriorityHousehold { get; set; }
}
