namespace Interop.Hub.Storage.Cotation;

/// <summary>A signed lease of the attribution history, as the applicant's outlook reads it.</summary>
public sealed class LeaseRow
{
    public string ApplicationNumber { get; init; } = "";
    public DateOnly LeaseDate { get; init; }
    public string CommuneCode { get; init; } = "";
    public string Typology { get; init; } = "";
}
