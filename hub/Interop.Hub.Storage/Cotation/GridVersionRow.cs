namespace Interop.Hub.Storage.Cotation;

/// <summary>A row of <c>cotation_grid_versions</c>; <see cref="GridJson"/> is empty when a listing left it out.</summary>
public sealed class GridVersionRow
{
    public string GridId { get; init; } = "";
    public int Version { get; init; }
    public string Epci { get; init; } = "";
    public string Title { get; init; } = "";
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public string GridJson { get; init; } = "";
    public string PublisherId { get; init; } = "";
    public DateTime PublishedAt { get; init; }
}
