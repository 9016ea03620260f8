using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Access;

/// <summary>
/// Which applications' personal data an organisation may read: every one, or
/// those of some départements, those wishing some communes, and those
/// registered at its own desks. Expressed as data so that storage can apply it
/// in SQL (a filtered page must be filtered before it is cut).
/// </summary>
public sealed record ReadScope
{
    public static readonly ReadScope Everything = new() { All = true };

    public static readonly ReadScope Nothing = new();

    public bool All { get; init; }

    public IReadOnlyList<string> Departements { get; init; } = [];

    public IReadOnlyList<string> WishedCommunes { get; init; } = [];

    public IReadOnlyList<string> Desks { get; init; } = [];

    public bool IsEmpty => !All && Departements.Count == 0 && WishedCommunes.Count == 0 && Desks.Count == 0;

    /// <summary>Whether the scope covers an application of this département, registered at this desk, wishing these communes.</summary>
    public bool Covers(string departement, string registeringDesk, IReadOnlyCollection<string> wishedCommunes) =>
        All || Departements.Contains(departement) || Desks.Contains(registeringDesk) || wishedCommunes.Any(WishedCommunes.Contains);

    public bool Covers(ApplicationRecord application) =>
        All
        || Departements.Contains(application.Departement)
        || Desks.Contains(application.RegisteringDesk)
        || (application.Household?.Wishes.CommuneCodes.Any(WishedCommunes.Contains) ?? false);
}
