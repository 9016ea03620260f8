using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Tests.Validation;

public class HouseholdValidatorTests
{
    private static readonly DateOnly Today = TestHouseholds.Today;

    private static IReadOnlyList<FieldViolation> Check(Household h, string departement = TestHouseholds.Departement, string prefix = "application")
    {
        var v = new Violations();
        HouseholdValidator.Validate(h, departement, Today, prefix, v);
        return v.All;
    }

    private static void AssertFields(Household h, params string[] fields) =>
        Assert.Equal(fields, Check(h).Select(f => f.Field));

    private static Household WithApplicant(Func<Person, Person> change)
    {
        var h = TestHouseholds.Valid();
        return h with { Applicant = change(h.Applicant) };
    }

    private static Household WithContact(Func<Contact, Contact> change) =>
        WithApplicant(p => p with { Contact = change(p.Contact) });

    private static Household WithMember(int index, Func<HouseholdMember, HouseholdMember> change)
    {
        var h = TestHouseholds.Valid();
        var members = h.Members.ToList();
        members[index] = change(members[index]);
        return h with { Members = members };
    }

    private static Household WithWishes(Func<Wishes, Wishes> change)
    {
        var h = TestHouseholds.Valid();
        return h with { Wishes = change(h.Wishes) };
    }

    // ---- the whole household ----

    [Fact]
    public void Validate_ValidHousehold_HasNoViolations() => Assert.Empty(Check(TestHouseholds.Valid()));

    [Fact]
    public void Validate_MinimalHousehold_HasNoViolations()
    {
        var h = new Household
        {
            Applicant = new Person
            {
                LastName = "Martin",
                FirstNames = ["Léa"],
                Sex = Sex.Female,
                BirthDate = new DateOnly(2000, 1, 1),
                NationalityClass = NationalityClass.EuropeanUnion,
            },
            FamilySituation = FamilySituation.Single,
            CurrentHousing = HousingSituation.WithParentsOrChildren,
            ReasonCodes = ["01"],
            Wishes = new Wishes { Typologies = [Typology.T1], CommuneCodes = [TestHouseholds.Caen] },
        };

        Assert.Empty(Check(h));
    }

    [Fact]
    public void Validate_EmptyHousehold_ReportsEveryRequiredField()
    {
        AssertFields(
            new Household(),
            "application.applicant.last_name",
            "application.applicant.first_names",
            "application.applicant.sex",
            "application.applicant.birth_date",
            "application.applicant.nationality_class",
            "application.family_situation",
            "application.current_housing",
            "application.reason_codes",
            "application.wishes.typologies",
            "application.wishes.commune_codes");
    }

    [Fact]
    public void Validate_SeveralMistakes_ReportsAllAtOnce()
    {
        var h = TestHouseholds.Valid() with
        {
            Applicant = TestHouseholds.Applicant() with { LastName = "D4vid", Nir = "184121411804221" },
            Members = [TestHouseholds.Valid().Members[0] with { BirthDate = Today.AddDays(1) }],
            ReasonCodes = ["09", "09"],
            Wishes = TestHouseholds.Valid().Wishes with { CommuneCodes = [TestHouseholds.Caen, "61001"] },
        };

        var violations = Check(h);

        Assert.Equal(
            [
                "application.applicant.last_name",
                "application.applicant.nir",
                "application.household_members[0].birth_date",
                "application.reason_codes[1]",
                "application.wishes.commune_codes[1]",
            ],
            violations.Select(f => f.Field));
        Assert.All(violations, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Fact]
    public void Validate_EmptyPrefix_ReportsPathsFromTheApplication()
    {
        var h = WithApplicant(p => p with { FirstNames = ["Jean", "2"] });

        Assert.Equal(["applicant.first_names[1]"], Check(h, prefix: "").Select(f => f.Field));
    }

    // ---- names ----

    [Theory]
    [InlineData("N'Diaye")]
    [InlineData("O’Brien")]
    [InlineData("Saint-Exupéry")]
    [InlineData("de La Tour d'Auvergne")]
    [InlineData("J. R.")]
    [InlineData("Müller")]
    [InlineData("Nguyễn")]
    [InlineData("Παπαδόπουλος")]
    [InlineData("Иванов")]
    [InlineData("李")]
    [InlineData("Le\u0301vy")]
    public void Validate_LastNameOfLettersAndPunctuation_IsAccepted(string name) =>
        Assert.Empty(Check(WithApplicant(p => p with { LastName = name })));

    [Theory]
    [InlineData("")]
    [InlineData("Dupont3")]
    [InlineData("Du_pont")]
    [InlineData("Dupont!")]
    [InlineData("- .")]
    [InlineData("   ")]
    [InlineData("Du\tpont")]
    [InlineData("\u0301Levy")]
    public void Validate_BadLastName_ReportsLastName(string name) =>
        AssertFields(WithApplicant(p => p with { LastName = name }), "application.applicant.last_name");

    [Fact]
    public void Validate_LastNameOf100Letters_IsAccepted() =>
        Assert.Empty(Check(WithApplicant(p => p with { LastName = new string('é', 100) })));

    [Fact]
    public void Validate_LastNameOf101Letters_ReportsLastName() =>
        AssertFields(WithApplicant(p => p with { LastName = new string('a', 101) }), "application.applicant.last_name");

    [Fact]
    public void Validate_BadBirthName_ReportsBirthName()
    {
        var h = TestHouseholds.Valid() with { CoApplicant = TestHouseholds.CoApplicant() with { BirthName = "N'Diaye 2" } };

        AssertFields(h, "application.co_applicant.birth_name");
    }

    [Fact]
    public void Validate_NoFirstName_ReportsFirstNames() =>
        AssertFields(WithApplicant(p => p with { FirstNames = [] }), "application.applicant.first_names");

    [Fact]
    public void Validate_SevenFirstNames_ReportsFirstNames() =>
        AssertFields(
            WithApplicant(p => p with { FirstNames = ["Jean", "Marie", "Luc", "Paul", "Pierre", "Jacques", "André"] }),
            "application.applicant.first_names");

    [Fact]
    public void Validate_SixFirstNames_IsAccepted() =>
        Assert.Empty(Check(WithApplicant(p => p with { FirstNames = ["Jean", "Marie", "Luc", "Paul", "Pierre", "Jacques"] })));

    [Fact]
    public void Validate_BadFirstNames_ReportsEachByIndex() =>
        AssertFields(
            WithApplicant(p => p with { FirstNames = ["Jean", "", new string('a', 51), "Luc4", new string('b', 50)] }),
            "application.applicant.first_names[1]",
            "application.applicant.first_names[2]",
            "application.applicant.first_names[3]");

    // ---- enums ----

    [Fact]
    public void Validate_RequiredCodesUnspecified_ReportsEach()
    {
        var h = TestHouseholds.Valid() with
        {
            Applicant = TestHouseholds.Applicant() with { Sex = Sex.Unspecified, NationalityClass = NationalityClass.Unspecified },
            FamilySituation = FamilySituation.Unspecified,
            CurrentHousing = HousingSituation.Unspecified,
        };

        AssertFields(
            h,
            "application.applicant.sex",
            "application.applicant.nationality_class",
            "application.family_situation",
            "application.current_housing");
    }

    [Fact]
    public void Validate_UnknownCodeValues_ReportsEach()
    {
        var h = TestHouseholds.Valid() with
        {
            Applicant = TestHouseholds.Applicant() with { Sex = (Sex)9 },
            FamilySituation = (FamilySituation)99,
            Wishes = TestHouseholds.Valid().Wishes with { Category = (DwellingCategory)9 },
            Priority = new Priority { DaloStatus = (DaloStatus)9 },
        };

        AssertFields(
            h,
            "application.applicant.sex",
            "application.family_situation",
            "application.wishes.category",
            "application.priority.dalo_status");
    }

    [Fact]
    public void Validate_OptionalCodesUnspecified_IsAccepted()
    {
        var h = TestHouseholds.Valid() with
        {
            Wishes = TestHouseholds.Valid().Wishes with { Category = DwellingCategory.Unspecified },
            Priority = new Priority(),
        };

        Assert.Empty(Check(h));
    }

    // ---- co-applicant ----

    [Fact]
    public void Validate_CoApplicantWithoutLink_ReportsLink() =>
        AssertFields(TestHouseholds.Valid() with { CoApplicantLink = CoApplicantLink.Unspecified }, "application.co_applicant_link");

    [Fact]
    public void Validate_LinkWithoutCoApplicant_ReportsLink() =>
        AssertFields(TestHouseholds.Valid() with { CoApplicant = null }, "application.co_applicant_link");

    [Fact]
    public void Validate_UnknownLink_ReportsLink() =>
        AssertFields(TestHouseholds.Valid() with { CoApplicantLink = (CoApplicantLink)9 }, "application.co_applicant_link");

    [Fact]
    public void Validate_NoCoApplicantNoLink_IsAccepted() =>
        Assert.Empty(Check(TestHouseholds.Valid() with { CoApplicant = null, CoApplicantLink = CoApplicantLink.Unspecified }));

    [Fact]
    public void Validate_BadCoApplicant_ReportsUnderCoApplicant()
    {
        var h = TestHouseholds.Valid() with { CoApplicant = TestHouseholds.CoApplicant() with { FirstNames = [], BirthDate = null } };

        AssertFields(h, "application.co_applicant.first_names", "application.co_applicant.birth_date");
    }

    // ---- current dwelling ----

    [Fact]
    public void Validate_CurrentDwellingUnknown_IsAccepted() =>
        Assert.Empty(Check(TestHouseholds.Valid() with { CurrentDwelling = CurrentDwelling.Unknown }));

    [Theory]
    [InlineData(1, 0L)]
    [InlineData(20, 100_000L)]
    [InlineData(3, null)]
    [InlineData(null, 650L)]
    public void Validate_CurrentDwellingWithinBoundsOrPartlyKnown_IsAccepted(int? rooms, long? rent) =>
        Assert.Empty(Check(TestHouseholds.Valid() with { CurrentDwelling = new CurrentDwelling(rooms, rent) }));

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-3)]
    public void Validate_MainRoomsOutOfBounds_ReportsMainRooms(int rooms) =>
        AssertFields(TestHouseholds.Valid() with { CurrentDwelling = new CurrentDwelling(rooms, 500) }, "application.current_dwelling.main_rooms");

    [Theory]
    [InlineData(-1L)]
    [InlineData(100_001L)]
    public void Validate_RentOutOfBounds_ReportsMonthlyRent(long rent) =>
        AssertFields(TestHouseholds.Valid() with { CurrentDwelling = new CurrentDwelling(3, rent) }, "application.current_dwelling.monthly_rent_eur");

    [Fact]
    public void Validate_BothFactsOutOfBounds_ReportsBoth() =>
        AssertFields(
            TestHouseholds.Valid() with { CurrentDwelling = new CurrentDwelling(21, -1) },
            "application.current_dwelling.main_rooms",
            "application.current_dwelling.monthly_rent_eur");

    // ---- birth ----

    public static TheoryData<DateOnly?> BadBirthDates => new() { null, new DateOnly(1899, 12, 31), TestHouseholds.Today.AddDays(1) };

    [Theory]
    [MemberData(nameof(BadBirthDates))]
    public void Validate_BadBirthDate_ReportsBirthDate(DateOnly? birthDate) =>
        AssertFields(WithApplicant(p => p with { BirthDate = birthDate }), "application.applicant.birth_date");

    [Fact]
    public void Validate_BirthDatesOnTheBounds_AreAccepted()
    {
        Assert.Empty(Check(WithApplicant(p => p with { BirthDate = new DateOnly(1900, 1, 1) })));
        Assert.Empty(Check(WithMember(0, m => m with { BirthDate = Today })));
    }

    [Theory]
    [InlineData("1411")]
    [InlineData("20004")]
    [InlineData("2C004")]
    [InlineData("00118")]
    [InlineData("97511")]
    [InlineData("Caen")]
    public void Validate_BadBirthCommuneCode_ReportsCommuneCode(string code) =>
        AssertFields(WithApplicant(p => p with { BirthCommuneCode = code }), "application.applicant.birth_place.commune_code");

    [Theory]
    [InlineData("2A004")]
    [InlineData("97411")]
    public void Validate_BirthCommuneCodeOtherDepartement_IsAccepted(string code) =>
        Assert.Empty(Check(WithApplicant(p => p with { BirthCommuneCode = code, Nir = "" })));

    [Fact]
    public void Validate_BirthPlaceFreeText_IsAccepted() =>
        Assert.Empty(Check(WithApplicant(p => p with { BirthCommuneCode = "", BirthPlaceText = "Casablanca, Maroc" })));

    [Theory]
    [InlineData("99350")]
    [InlineData("99134")]
    [InlineData("99501")]
    public void Validate_BirthCountryCode_IsAccepted(string code) =>
        Assert.Empty(Check(WithApplicant(p => p with { BirthCommuneCode = "", BirthCountryCode = code, Nir = "" })));

    [Theory]
    [InlineData("99100")]
    [InlineData("99650")]
    [InlineData("99035")]
    [InlineData("9935")]
    [InlineData("14118")]
    [InlineData("Maroc")]
    public void Validate_BadBirthCountryCode_ReportsCountryCode(string code) =>
        AssertFields(
            WithApplicant(p => p with { BirthCommuneCode = "", BirthCountryCode = code }),
            "application.applicant.birth_place.country_code");

    [Fact]
    public void Validate_CountryCodeSentAsCommune_ReportsCommuneCodeAndNamesTheRightField()
    {
        var violations = Check(WithApplicant(p => p with { BirthCommuneCode = "99350" }));
        var violation = Assert.Single(violations);
        Assert.Equal("application.applicant.birth_place.commune_code", violation.Field);
        Assert.Contains("country_code", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BirthPlaceCommuneAndCountry_ReportsBirthPlace() =>
        AssertFields(WithApplicant(p => p with { BirthCountryCode = "99350" }), "application.applicant.birth_place");

    [Fact]
    public void Validate_NoBirthPlace_IsAccepted() =>
        Assert.Empty(Check(WithApplicant(p => p with { BirthCommuneCode = "", BirthPlaceText = "" })));

    [Fact]
    public void Validate_BirthPlaceCodeAndText_ReportsBirthPlace() =>
        AssertFields(WithApplicant(p => p with { BirthPlaceText = "Caen" }), "application.applicant.birth_place");

    [Fact]
    public void Validate_BirthPlaceTextOf101_ReportsFreeText() =>
        AssertFields(
            WithApplicant(p => p with { BirthCommuneCode = "", BirthPlaceText = new string('x', 101) }),
            "application.applicant.birth_place.free_text");

    [Fact]
    public void Validate_BirthPlaceTextWithNewLine_ReportsFreeText() =>
        AssertFields(
            WithApplicant(p => p with { BirthCommuneCode = "", BirthPlaceText = "Casablanca\nMaroc" }),
            "application.applicant.birth_place.free_text");

    // ---- NIR ----

    [Fact]
    public void Validate_NoNir_IsAccepted() =>
        Assert.Empty(Check(WithApplicant(p => p with { Nir = "" })));

    [Theory]
    [InlineData(TestHouseholds.ApplicantNir)]
    [InlineData(TestHouseholds.CoApplicantNir)]
    [InlineData("290052A00412352")]
    [InlineData("290052B00412379")]
    [InlineData("799999999999986")]
    [InlineData("800010100000173")]
    public void Validate_NirWithRightKey_IsAccepted(string nir)
    {
        Assert.Equal(NirKey(nir[..13]), nir[13..]);
        Assert.Empty(Check(WithApplicant(p => p with { Nir = nir })));
    }

    [Theory]
    [InlineData("18412141180422")]
    [InlineData("1841214118042200")]
    [InlineData("584121411804220")]
    [InlineData("184121411804221")]
    [InlineData("184121411804202")]
    [InlineData("1841214118O4220")]
    [InlineData("290052a00412352")]
    [InlineData("2900514A0412352")]
    [InlineData("290052A00412379")]
    [InlineData("1 84 12 14 118 042 20")]
    public void Validate_BadNir_ReportsNir(string nir) =>
        AssertFields(WithApplicant(p => p with { Nir = nir }), "application.applicant.nir");

    /// <summary>The key computed independently of the code under test, Corsica counted as 19 and 18.</summary>
    private static string NirKey(string identity)
    {
        var digits = identity.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        var rest = 0;
        foreach (var d in digits)
        {
            rest = ((rest * 10) + (d - '0')) % 97;
        }

        return (97 - rest).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    // ---- contact ----

    [Theory]
    [InlineData("a@b.fr")]
    [InlineData("jean.dupont+hlm@mairie-caen.example.fr")]
    [InlineData("élodie@exemple.fr")]
    public void Validate_EmailShaped_IsAccepted(string email) =>
        Assert.Empty(Check(WithContact(c => c with { Email = email })));

    [Theory]
    [InlineData("jean")]
    [InlineData("jean@exemple")]
    [InlineData("@exemple.fr")]
    [InlineData("jean@@exemple.fr")]
    [InlineData("je@an@exemple.fr")]
    [InlineData("jean dupont@exemple.fr")]
    [InlineData("jean@exemple.f")]
    [InlineData("jean@exemple.f2")]
    [InlineData("jean@.fr")]
    [InlineData("jean@-exemple.fr")]
    [InlineData("jean..dupont@exemple.fr")]
    [InlineData(".jean@exemple.fr")]
    [InlineData("jean@exemple.fr\n")]
    [InlineData("<jean@exemple.fr>")]
    public void Validate_EmailNotShaped_ReportsEmail(string email) =>
        AssertFields(WithContact(c => c with { Email = email }), "application.applicant.contact.email");

    [Fact]
    public void Validate_EmailOf254Characters_IsAccepted() =>
        Assert.Empty(Check(WithContact(c => c with { Email = LongEmail(254) })));

    [Fact]
    public void Validate_EmailOf255Characters_ReportsEmail() =>
        AssertFields(WithContact(c => c with { Email = LongEmail(255) }), "application.applicant.contact.email");

    /// <summary>A well-shaped address of the given length: 3 domain labels of 61 and <c>.fr</c>, the rest in the local part.</summary>
    private static string LongEmail(int length)
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('b', 61), 3)) + ".fr";
        return new string('a', length - domain.Length - 1) + "@" + domain;
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("0231000000")]
    [InlineData("+33 (0)2 31-00.00.00")]
    [InlineData("12345678901234567890")]
    public void Validate_PhoneShaped_IsAccepted(string phone) =>
        Assert.Empty(Check(WithContact(c => c with { Phone = phone })));

    [Theory]
    [InlineData("12345")]
    [InlineData("123456789012345678901")]
    [InlineData("12-34-5")]
    [InlineData("02 31 00 00 00 poste 12")]
    [InlineData("+()-. +()-. ")]
    [InlineData("0231\t000000")]
    public void Validate_PhoneNotShaped_ReportsPhone(string phone) =>
        AssertFields(WithContact(c => c with { Phone = phone }), "application.applicant.contact.phone");

    [Fact]
    public void Validate_FourAddressLines_ReportsLines() =>
        AssertFields(WithContact(c => c with { AddressLines = ["1", "2", "3", "4"] }), "application.applicant.contact.address.lines");

    [Fact]
    public void Validate_BadAddressLines_ReportsEachByIndex() =>
        AssertFields(
            WithContact(c => c with { AddressLines = ["12 rue d'Écosse", new string('x', 101), "Bât.\u0007B"] }),
            "application.applicant.contact.address.lines[1]",
            "application.applicant.contact.address.lines[2]");

    [Theory]
    [InlineData("1400")]
    [InlineData("140000")]
    [InlineData("14 00")]
    [InlineData("2A004")]
    public void Validate_BadPostalCode_ReportsPostalCode(string code) =>
        AssertFields(WithContact(c => c with { PostalCode = code }), "application.applicant.contact.address.postal_code");

    [Fact]
    public void Validate_EmptyContact_IsAccepted() =>
        Assert.Empty(Check(WithContact(_ => new Contact())));

    [Fact]
    public void Validate_BadCityAndCommune_ReportsBoth() =>
        AssertFields(
            WithContact(c => c with { City = new string('c', 101), CommuneCode = "14ABC" }),
            "application.applicant.contact.address.city",
            "application.applicant.contact.address.commune_code");

    // ---- members ----

    [Fact]
    public void Validate_SixteenMembers_ReportsMembers()
    {
        var member = TestHouseholds.Valid().Members[0];

        AssertFields(TestHouseholds.Valid() with { Members = Enumerable.Repeat(member, 16).ToList() }, "application.household_members");
    }

    [Fact]
    public void Validate_FifteenMembers_IsAccepted()
    {
        var member = TestHouseholds.Valid().Members[0];

        Assert.Empty(Check(TestHouseholds.Valid() with { Members = Enumerable.Repeat(member, 15).ToList() }));
    }

    [Fact]
    public void Validate_BadMember_ReportsEveryFieldUnderItsIndex() =>
        AssertFields(
            WithMember(1, _ => new HouseholdMember()),
            "application.household_members[1].last_name",
            "application.household_members[1].first_names",
            "application.household_members[1].sex",
            "application.household_members[1].birth_date",
            "application.household_members[1].relationship");

    [Fact]
    public void Validate_BadMemberNames_ReportsThem() =>
        AssertFields(
            WithMember(0, m => m with { LastName = "L3fèvre", FirstNames = ["Chloé", "7"] }),
            "application.household_members[0].last_name",
            "application.household_members[0].first_names[1]");

    // ---- resources ----

    [Theory]
    [InlineData(-1, 0, 0, "application.resources.monthly_income_eur")]
    [InlineData(1_000_001, 0, 0, "application.resources.monthly_income_eur")]
    [InlineData(0, -1, 0, "application.resources.reference_taxable_income_eur")]
    [InlineData(0, 10_000_001, 0, "application.resources.reference_taxable_income_eur")]
    [InlineData(0, 0, 1999, "application.resources.reference_tax_year")]
    [InlineData(0, 0, 2026, "application.resources.reference_tax_year")]
    [InlineData(0, 0, -2023, "application.resources.reference_tax_year")]
    public void Validate_ResourcesOutOfRange_ReportsField(long monthly, long taxable, int year, string field) =>
        AssertFields(
            TestHouseholds.Valid() with { Resources = new Resources { MonthlyIncomeEur = monthly, ReferenceTaxableIncomeEur = taxable, ReferenceTaxYear = year } },
            field);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1_000_000, 10_000_000, 2025)]
    [InlineData(1, 1, 2000)]
    public void Validate_ResourcesOnTheBounds_AreAccepted(long monthly, long taxable, int year) =>
        Assert.Empty(Check(TestHouseholds.Valid() with
        {
            Resources = new Resources { MonthlyIncomeEur = monthly, ReferenceTaxableIncomeEur = taxable, ReferenceTaxYear = year },
        }));

    // ---- reasons ----

    [Fact]
    public void Validate_NoReason_ReportsReasonCodes() =>
        AssertFields(TestHouseholds.Valid() with { ReasonCodes = [] }, "application.reason_codes");

    [Fact]
    public void Validate_FourReasons_ReportsReasonCodes() =>
        AssertFields(TestHouseholds.Valid() with { ReasonCodes = ["01", "06", "09", "13"] }, "application.reason_codes");

    [Fact]
    public void Validate_ThreeReasonsOnTheBounds_AreAccepted() =>
        Assert.Empty(Check(TestHouseholds.Valid() with { ReasonCodes = ["01", "12", "23"] }));

    [Theory]
    [InlineData("00")]
    [InlineData("24")]
    [InlineData("1")]
    [InlineData("001")]
    [InlineData("0a")]
    [InlineData("٠١")]
    public void Validate_BadReasonCode_ReportsItsIndex(string code) =>
        AssertFields(TestHouseholds.Valid() with { ReasonCodes = ["09", code] }, "application.reason_codes[1]");

    [Fact]
    public void Validate_RepeatedReason_ReportsTheRepeat()
    {
        var violation = Assert.Single(Check(TestHouseholds.Valid() with { ReasonCodes = ["09", "13", "09"] }));

        Assert.Equal("application.reason_codes[2]", violation.Field);
        Assert.Contains("application.reason_codes[0]", violation.Description, StringComparison.Ordinal);
    }

    // ---- wishes ----

    [Fact]
    public void Validate_NoTypology_ReportsTypologies() =>
        AssertFields(WithWishes(w => w with { Typologies = [] }), "application.wishes.typologies");

    [Fact]
    public void Validate_AllSevenTypologies_AreAccepted() =>
        Assert.Empty(Check(WithWishes(w => w with { Typologies = Enum.GetValues<Typology>().Where(t => t != Typology.Unspecified).ToList() })));

    [Fact]
    public void Validate_EightTypologies_ReportsTypologiesAndTheRepeat() =>
        AssertFields(
            WithWishes(w => w with { Typologies = [.. Enum.GetValues<Typology>().Where(t => t != Typology.Unspecified), Typology.T2] }),
            "application.wishes.typologies",
            "application.wishes.typologies[7]");

    [Fact]
    public void Validate_BadTypologies_ReportsEachByIndex() =>
        AssertFields(
            WithWishes(w => w with { Typologies = [Typology.T2, Typology.Unspecified, Typology.T2, (Typology)8] }),
            "application.wishes.typologies[1]",
            "application.wishes.typologies[2]",
            "application.wishes.typologies[3]");

    [Fact]
    public void Validate_NoCommune_ReportsCommuneCodes() =>
        AssertFields(WithWishes(w => w with { CommuneCodes = [] }), "application.wishes.commune_codes");

    [Fact]
    public void Validate_TenCommunes_AreAccepted() =>
        Assert.Empty(Check(WithWishes(w => w with { CommuneCodes = Enumerable.Range(1, 10).Select(n => $"14{n:000}").ToList() })));

    [Fact]
    public void Validate_ElevenCommunes_ReportsCommuneCodes() =>
        AssertFields(
            WithWishes(w => w with { CommuneCodes = Enumerable.Range(1, 11).Select(n => $"14{n:000}").ToList() }),
            "application.wishes.commune_codes");

    [Fact]
    public void Validate_BadCommunes_ReportsEachByIndex() =>
        AssertFields(
            WithWishes(w => w with { CommuneCodes = [TestHouseholds.Caen, "1411", TestHouseholds.Caen, "20004", TestHouseholds.HerouvilleSaintClair] }),
            "application.wishes.commune_codes[1]",
            "application.wishes.commune_codes[2]",
            "application.wishes.commune_codes[3]");

    [Fact]
    public void Validate_CommuneInAnotherDepartement_SaysWhichDepartement()
    {
        var violation = Assert.Single(Check(WithWishes(w => w with { CommuneCodes = [TestHouseholds.Caen, "61001"] })));

        Assert.Equal("application.wishes.commune_codes[1]", violation.Field);
        Assert.Contains("département 61", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CorsicanCommunes_CheckedAgainstTheirOwnDepartement()
    {
        var h = WithWishes(w => w with { CommuneCodes = ["2A004", "2B033"] });

        var violation = Assert.Single(Check(h, departement: "2A"));

        Assert.Equal("application.wishes.commune_codes[1]", violation.Field);
        Assert.Contains("département 2B", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OverseasCommunes_CheckedAgainstThreeDigitDepartement() =>
        Assert.Empty(Check(WithWishes(w => w with { CommuneCodes = ["97411", "97415"] }), departement: "974"));

    // ---- free text ----

    [Fact]
    public void Validate_DisabilityDetailsOf501_ReportsDetails() =>
        AssertFields(TestHouseholds.Valid() with { Disability = new DisabilityNeeds { Details = new string('d', 501) } }, "application.disability.details");

    [Fact]
    public void Validate_DisabilityDetailsOf500_IsAccepted() =>
        Assert.Empty(Check(TestHouseholds.Valid() with { Disability = new DisabilityNeeds { Details = new string('d', 500) } }));

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\r\n")]
    [InlineData("\u001b")]
    [InlineData("\u007f")]
    [InlineData("\u0085")]
    public void Validate_ControlCharacters_ReportEveryTextField(string control)
    {
        var h = TestHouseholds.Valid() with
        {
            Applicant = TestHouseholds.Applicant() with
            {
                LastName = "Le" + control + "fèvre",
                Contact = TestHouseholds.Applicant().Contact with { City = "Ca" + control + "en" },
            },
            Disability = new DisabilityNeeds { Details = "Ascenseur" + control },
        };

        AssertFields(
            h,
            "application.applicant.last_name",
            "application.applicant.contact.address.city",
            "application.disability.details");
    }
}
