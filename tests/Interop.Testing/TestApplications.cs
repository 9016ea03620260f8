using Interop.Contracts.V1;

namespace Interop.Testing;

/// <summary>Valid contract applications of the Calvados (14), each built fresh so a test may change it.</summary>
public static class TestApplications
{
    /// <summary>
    /// A valid application. Without a last name, each call makes a different
    /// household (a random surname), since the hub refuses a second
    /// registration of the same household in a département.
    /// </summary>
    public static Application Valid(string? lastName = null, string firstName = "Camille")
    {
        var application = Build(lastName ?? UniqueName(), firstName);
        if (lastName is null)
        {
            // Someone else entirely: another first name, birth date and contact too.
            application.Applicant.FirstNames[0] = UniqueName();
            application.Applicant.Contact = new Contact { Email = UniqueName().ToLowerInvariant() + "@example.fr", Phone = "06 " + Random.Shared.Next(10_000_000, 99_999_999) };
            application.Applicant.BirthDate = new Google.Type.Date
            {
                Year = Random.Shared.Next(1950, 2001),
                Month = Random.Shared.Next(1, 13),
                Day = Random.Shared.Next(1, 29),
            };
        }

        return application;
    }

    /// <summary>A name nobody else in the test has: ten random letters.</summary>
    public static string UniqueName() =>
        char.ToUpperInvariant((char)('a' + Random.Shared.Next(26))) + new string(Enumerable.Range(0, 9).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    private static Application Build(string lastName, string firstName) => new()
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
