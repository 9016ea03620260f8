using Interop.Hub.Core.Matching;

namespace Interop.Matching.Benchmarks;

/// <summary>One synthetic person as a desk would type it; corruptions edit a copy.</summary>
internal sealed record SyntheticPerson
{
    public required string Entity { get; init; }

    public string LastName { get; init; } = "";

    public string BirthName { get; init; } = "";

    public string[] FirstNames { get; init; } = [];

    public string Sex { get; init; } = "";

    public string BirthDate { get; init; } = "";

    public string BirthPlace { get; init; } = "";

    public string Nationality { get; init; } = "";

    public string Email { get; init; } = "";

    public string Phone { get; init; } = "";

    public string Postcode { get; init; } = "";

    public string Commune { get; init; } = "";

    public PersonIdentity ToIdentity(string id) => new()
    {
        Id = id,
        LastName = LastName,
        BirthName = BirthName,
        FirstNames = FirstNames,
        Sex = Sex,
        BirthDate = BirthDate,
        BirthPlace = BirthPlace,
        Nationality = Nationality,
        Email = Email,
        Phone = Phone,
        Postcode = Postcode,
        Commune = Commune,
    };
}
