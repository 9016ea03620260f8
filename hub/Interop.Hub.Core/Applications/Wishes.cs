namespace Interop.Hub.Core.Applications;

public sealed record Wishes
{
    public IReadOnlyList<Typology> Typologies { get; init; } = [];

    /// <summary>INSEE codes of the communes wished, all in the application's département.</summary>
    public IReadOnlyList<string> CommuneCodes { get; init; } = [];

    public DwellingCategory Category { get; init; }

    public bool BroaderSearchAccepted { get; init; }
}
