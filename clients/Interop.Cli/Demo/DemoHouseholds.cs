using Interop.Contracts.V1;

namespace Interop.Cli.Demo;

/// <summary>A few invented households of the Calvados (14) to show the registry at work.</summary>
internal static class DemoHouseholds
{
    public static IEnumerable<Application> All()
    {
        yield return Household("Lefrançois", ["Camille"], Sex.Female, new(1988, 4, 12), "14118", ["14118", "14327"], Typology.T3, childName: "Léo");
        yield return Household("Martin", ["Jean", "Pierre"], Sex.Male, new(1975, 11, 3), "14047", ["14118"], Typology.T2, childName: null);
        yield return Household("N'Diaye", ["Aminata"], Sex.Female, new(1992, 1, 30), null, ["14327", "14341"], Typology.T4, childName: "Moussa");
        yield return Household("Le Goff", ["Yann"], Sex.Male, new(1960, 7, 14), "29019", ["14118"], Typology.T1, childName: null);
    }

    private static Application Household(
        string lastName, string[] firstNames, Sex sex, (int Year, int Month, int Day) birth, string? birthCommune,
        string[] communes, Typology typology, string? childName)
    {
        var application = new Application
        {
            Departement = "14",
            Applicant = new Person
            {
                LastName = lastName,
                FirstNames = { firstNames },
                Sex = sex,
                BirthDate = new Google.Type.Date { Year = birth.Year, Month = birth.Month, Day = birth.Day },
                BirthPlace = birthCommune is null ? new BirthPlace { FreeText = "Dakar, Sénégal" } : new BirthPlace { CommuneCode = birthCommune },
                NationalityClass = birthCommune is null ? NationalityClass.OutsideEuropeanUnion : NationalityClass.French,
                Contact = new Contact { Phone = "02 31 00 00 00" },
            },
            FamilySituation = childName is null ? FamilySituation.Single : FamilySituation.Separated,
            Resources = new Resources { MonthlyIncomeEur = 1450, ReferenceTaxableIncomeEur = 15200, ReferenceTaxYear = DateTime.UtcNow.Year - 2 },
            CurrentHousing = HousingSituation.PrivateTenant,
            ReasonCodes = { "09" },
            Wishes = new Wishes { Typologies = { typology }, CommuneCodes = { communes }, Category = DwellingCategory.Any },
        };
        if (childName is not null)
        {
            application.HouseholdMembers.Add(new HouseholdMember
            {
                LastName = lastName,
                FirstNames = { childName },
                Sex = Sex.Male,
                BirthDate = new Google.Type.Date { Year = 2015, Month = 9, Day = 1 },
                Relationship = Relationship.Child,
            });
        }

        return application;
    }
}
