namespace Interop.Adapters.Conformance;

/// <summary>What the harness reads back from its ERP about one hub application.</summary>
/// <param name="RecordId">The ERP's record (or, for an ERP that receives one file per change, that file).</param>
/// <param name="Number">The hub's number the ERP holds.</param>
/// <param name="Revision">The hub's revision the ERP holds.</param>
/// <param name="LastName">The applicant's last name.</param>
/// <param name="MonthlyIncome">Euros a month.</param>
/// <param name="Codes">The ERP's own codes as stored, by mapping table (<c>applicant.sex</c>, <c>current_housing</c>, <c>family_situation</c>, <c>wishes.typologies</c>).</param>
/// <param name="Active">Whether the ERP holds the application as active (on its list of households to house): false once radiated, erased or merged.</param>
/// <param name="MainRooms">The current dwelling's main rooms as the ERP holds them; null when it holds none.</param>
/// <param name="MonthlyRentEur">The current dwelling's rent with charges, euros a month; null when the ERP holds none (0 is a real rent).</param>
public sealed record ErpRecord(
    string RecordId,
    string Number,
    long Revision,
    string LastName,
    int MonthlyIncome,
    IReadOnlyDictionary<string, string> Codes,
    bool Active,
    int? MainRooms,
    long? MonthlyRentEur);
