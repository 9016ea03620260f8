namespace Interop.Hub.Core.Applications;

/// <summary>The applicant or the co-applicant.</summary>
public sealed record Person
{
    /// <summary>Nom d'usage.</summary>
    public string LastName { get; init; } = "";

    /// <summary>Nom de naissance; empty when it is the use name.</summary>
    public string BirthName { get; init; } = "";

    public IReadOnlyList<string> FirstNames { get; init; } = [];

    public Sex Sex { get; init; }

    public DateOnly? BirthDate { get; init; }

    /// <summary>INSEE commune code of the place of birth, when born in France and known.</summary>
    public string BirthCommuneCode { get; init; } = "";

    /// <summary>INSEE country code (<c>99xxx</c>) of the place of birth, when born abroad and known.</summary>
    public string BirthCountryCode { get; init; } = "";

    /// <summary>Place of birth as free text, when no code is given.</summary>
    public string BirthPlaceText { get; init; } = "";

    public NationalityClass NationalityClass { get; init; }

    /// <summary>Social-security number (15 characters), optional.</summary>
    public string Nir { get; init; } = "";

    public Contact Contact { get; init; } = new();
}
