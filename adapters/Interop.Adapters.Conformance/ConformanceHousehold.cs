namespace Interop.Adapters.Conformance;

/// <summary>
/// A household the kit asks the harness to type into its ERP, with the contract's codes: the harness writes
/// each one as its ERP spells it (<see cref="IAdapterHarness.ErpCode"/>), the adapter maps it back, and the kit
/// checks the hub holds the contract's code again.
/// </summary>
public sealed record ConformanceHousehold
{
    /// <summary>A code value the ERP has but the adapter's mapping tables do not: the harness writes a code nobody mapped.</summary>
    public const string Unmapped = "UNMAPPED";

    public required string LastName { get; init; }

    public string FirstName { get; init; } = "Camille";

    /// <summary>Contract code of <c>applicant.sex</c>.</summary>
    public string Sex { get; init; } = "SEX_FEMALE";

    public DateOnly BirthDate { get; init; } = new(1988, 4, 12);

    /// <summary>INSEE code.</summary>
    public string BirthCommune { get; init; } = "14118";

    /// <summary>Contract code of <c>applicant.nationality_class</c>.</summary>
    public string Nationality { get; init; } = "NATIONALITY_CLASS_FRENCH";

    /// <summary>Contract code of <c>family_situation</c>.</summary>
    public string FamilySituation { get; init; } = "FAMILY_SITUATION_SEPARATED";

    /// <summary>Contract code of <c>current_housing</c>, or <see cref="Unmapped"/>.</summary>
    public string Housing { get; init; } = "HOUSING_SITUATION_PRIVATE_TENANT";

    /// <summary>Contract code of <c>reason_codes</c>.</summary>
    public string Reason { get; init; } = "09";

    /// <summary>Euros a month.</summary>
    public int MonthlyIncome { get; init; } = 1450;

    public string Departement { get; init; } = "14";

    /// <summary>Contract code of <c>wishes.typologies</c>.</summary>
    public string Typology { get; init; } = "TYPOLOGY_T3";

    /// <summary>INSEE code.</summary>
    public string WishedCommune { get; init; } = "14118";

    /// <summary>The current dwelling's main rooms (<c>current_dwelling.main_rooms</c>); null: the ERP records none.</summary>
    public int? MainRooms { get; init; }

    /// <summary>The current dwelling's rent with charges, euros a month (<c>current_dwelling.monthly_rent_eur</c>); null: the ERP records none.</summary>
    public int? MonthlyRentEur { get; init; }
}
