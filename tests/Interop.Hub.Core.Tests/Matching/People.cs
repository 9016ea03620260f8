using Interop.Hub.Core.Matching;

namespace Interop.Hub.Core.Tests.Matching;

/// <summary>Identities for matching tests: one well-filled person and helpers to vary it.</summary>
internal static class People
{
    public static PersonIdentity Sophie(string id = "A") => new()
    {
        Id = id,
        LastName = "Lefrançois",
        FirstNames = ["Sophie", "Marie"],
        Sex = "F",
        BirthDate = "1984-03-07",
        BirthPlace = "14118",
        Nationality = "FR",
        Postcode = "14000",
        Commune = "Caen",
        Address = "12 rue de Bayeux",
    };

    public static PersonIdentity Named(string id, string lastName, string firstNames, string sex, string birthDate, string birthPlace = "") => new()
    {
        Id = id,
        LastName = lastName,
        FirstNames = firstNames.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Sex = sex,
        BirthDate = birthDate,
        BirthPlace = birthPlace,
    };
}
