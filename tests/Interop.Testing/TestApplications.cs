using Interop.Contracts.V1;

namespace Interop.Testing;

/// <summary>Valid contract applications of the Calvados (14), each built fresh so a test may change it.</summary>
public static class TestApplications
{
    public static Application Valid(string lastName = "Lefrançois", string firstName = "Camille") => new()
    {
        Departement = "14",
        Applicant = new Person
        {
            LastName = lastName,
            FirstNames = { firstName },
            Sex = Sex.Female,
            BirthDate = new Google.Type.Date { Year = 1988, Month = 4, Day = 12 },
            BirthPlace = new BirthPlace { CommuneCode = "14118" },
            NationalityClass = NationalityClass.French,
            Contact = new Contact { Email = "camille@example.fr", Phone = "02 31 00 00 00" },
        },
        FamilySituation = FamilySituation.Separated,
        HouseholdMembers =
        {
            new HouseholdMember
            {
                LastName = lastName,
                FirstNames = { "Léo" },
                Sex = Sex.Male,
                BirthDate = new Google.Type.Date { Year = 2015, Month = 9, Day = 1 },
                Relationship = Relationship.Child,
            },
        },
        Resources = new Resources { MonthlyIncomeEur = 1450, ReferenceTaxableIncomeEur = 15200, ReferenceTaxYear = 2024 },
        CurrentHousing = HousingSituation.PrivateTenant,
        ReasonCodes = { "09" },
        Wishes = new Wishes { Typologies = { Typology.T3 }, CommuneCodes = { "14118", "14327" } },
    };

    public static CreateApplicationRequest Create(string desk = "B0001", Application? application = null) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        RegisteringDesk = desk,
        Application = application ?? Valid(),
    };
}
