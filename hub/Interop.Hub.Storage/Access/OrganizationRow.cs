namespace Interop.Hub.Storage.Access;

/// <summary>A row of <c>organizations</c> with its desks, as Dapper reads it.</summary>
internal sealed class OrganizationRow
{
    public string OrganizationId { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Territory { get; init; } = "{}";
    public string[] StockCommuneCodes { get; init; } = [];
    public string[] Desks { get; init; } = [];
    public long Revision { get; init; }
    public DateTime CreatedAt { get; init; }
}
