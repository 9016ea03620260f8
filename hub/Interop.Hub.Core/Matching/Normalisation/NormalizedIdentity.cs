using Interop.Hub.Core.Matching.Geography;

namespace Interop.Hub.Core.Matching.Normalisation;

/// <summary>
/// A <see cref="PersonIdentity"/> with every field in comparable form. Computed once per person;
/// comparing two of them does no parsing and no allocation.
/// </summary>
public sealed class NormalizedIdentity
{
    public string Id { get; init; } = "";

    /// <summary>Use name (or the only name known).</summary>
    public NameForm? UseName { get; init; }

    /// <summary>Birth name when it differs from the use name.</summary>
    public NameForm? BirthName { get; init; }

    public FirstNameSet? FirstNames { get; init; }

    public PartialDate BirthDate { get; init; } = PartialDate.Unknown;

    /// <summary>'M', 'F' or '\0'.</summary>
    public char Sex { get; init; }

    public BirthPlaceKey? BirthPlace { get; init; }

    public string Nir { get; init; } = "";

    public string Nationality { get; init; } = "";

    public string Email { get; init; } = "";

    /// <summary>Last nine digits: +33 6…, 06… and 6… are one number.</summary>
    public string Phone { get; init; } = "";

    public string Address { get; init; } = "";

    public string Postcode { get; init; } = "";

    public string Commune { get; init; } = "";

    public NormalizedIdentity? CoApplicant { get; init; }

    /// <summary>Both surname forms that are present, use name first.</summary>
    public IEnumerable<NameForm> Surnames
    {
        get
        {
            if (UseName is not null)
            {
                yield return UseName;
            }

            if (BirthName is not null)
            {
                yield return BirthName;
            }
        }
    }
}
