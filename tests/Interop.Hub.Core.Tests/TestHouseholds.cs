using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Tests;

/// <summary>
/// A complete, valid household of the Calvados (département 14) to start tests
/// from: each test changes only the field it is about with <c>with</c>, so a
/// violation it sees can only come from that change.
/// </summary>
public static class TestHouseholds
{
    /// <summary>The département the household applies in.</summary>
    public const string Departement = "14";

    /// <summary>Caen.</summary>
    public const string Caen = "14118";

    /// <summary>Hérouville-Saint-Clair.</summary>
    public const string HerouvilleSaintClair = "14327";

    /// <summary>
    /// A valid NIR: man born in December 1984 in Caen (14118), order 042;
    /// key 97 − (1841214118042 mod 97) = 20.
    /// </summary>
    public const string ApplicantNir = "184121411804220";

    /// <summary>
    /// A valid NIR: woman born in May 1990 in Hérouville-Saint-Clair (14327),
    /// order 007; key 97 − (2900514327007 mod 97) = 22.
    /// </summary>
    public const string CoApplicantNir = "290051432700722";

    /// <summary>The date tests take as today.</summary>
    public static readonly DateOnly Today = new(2025, 6, 15);

    public static Household Valid() => new()
    {
        Applicant = Applicant(),
        CoApplicant = CoApplicant(),
        CoApplicantLink = CoApplicantLink.Spouse,
        FamilySituation = FamilySituation.Married,
        Members =
        [
            new HouseholdMember
            {
                LastName = "Lefèvre",
                FirstNames = ["Chloé"],
                Sex = Sex.Female,
                BirthDate = new DateOnly(2015, 3, 2),
                Relationship = Relationship.Child,
            },
            new HouseholdMember
            {
                LastName = "Lefèvre",
                FirstNames = ["Hugo", "Paul"],
                Sex = Sex.Male,
                BirthDate = new DateOnly(2018, 11, 20),
                Relationship = Relationship.Child,
            },
        ],
        Resources = new Resources { MonthlyIncomeEur = 2_450, ReferenceTaxableIncomeEur = 27_300, ReferenceTaxYear = 2023 },
        CurrentHousing = HousingSituation.PrivateTenant,
        ReasonCodes = ["09", "13"],
        Wishes = new Wishes
        {
            Typologies = [Typology.T3, Typology.T4],
            CommuneCodes = [Caen, HerouvilleSaintClair],
            Category = DwellingCategory.Apartment,
            BroaderSearchAccepted = true,
        },
        Disability = new DisabilityNeeds { AdaptedDwellingRequired = true, Details = "Rez-de-chaussée ou ascenseur." },
        Priority = new Priority { DaloStatus = DaloStatus.None, PriorityPublic = false },
    };

    public static Person Applicant() => new()
    {
        LastName = "Lefèvre",
        FirstNames = ["Jean-Luc", "Marie"],
        Sex = Sex.Male,
        BirthDate = new DateOnly(1984, 12, 4),
        BirthCommuneCode = Caen,
        NationalityClass = NationalityClass.French,
        Nir = ApplicantNir,
        Contact = new Contact
        {
            Email = "jean-luc.lefevre@example.fr",
            Phone = "+33 2 31 00 00 00",
            AddressLines = ["12 rue d'Écosse", "Bâtiment B"],
            PostalCode = "14000",
            City = "Caen",
            CommuneCode = Caen,
        },
    };

    public static Person CoApplicant() => new()
    {
        LastName = "Lefèvre",
        BirthName = "N'Diaye",
        FirstNames = ["Aïssatou"],
        Sex = Sex.Female,
        BirthDate = new DateOnly(1990, 5, 17),
        BirthCommuneCode = HerouvilleSaintClair,
        NationalityClass = NationalityClass.French,
        Nir = CoApplicantNir,
        Contact = new Contact { Phone = "06.12.34.56.78" },
    };
}
