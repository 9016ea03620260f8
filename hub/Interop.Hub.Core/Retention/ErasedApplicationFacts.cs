namespace Interop.Hub.Core.Retention;

/// <summary>The non-nominative facts kept of an erased application, for the observatory's aggregates.</summary>
public sealed record ErasedApplicationFacts(
    string Departement,
    DateOnly FiledDate,
    DateOnly? RadiationDate,
    string? RadiationReason,
    int HouseholdSize,
    IReadOnlyList<string> Typologies,
    IReadOnlyList<string> WishedCommunes);
