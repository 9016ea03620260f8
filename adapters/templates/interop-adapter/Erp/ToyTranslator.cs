using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;

namespace MyAdapter.Erp;

/// <summary>
/// The ERP's shape to the contract's: plain data goes into the <c>Application</c>, the ERP's codes go out as
/// <see cref="ErpCode"/>s the SDK maps through the tables of appsettings.json (never in code).
/// </summary>
internal static class ToyTranslator
{
    public static ErpChange ToErpChange(ToyChange change, long line) => new()
    {
        // Stable across reads: the SDK derives the hub's request id from it (no double registration after a crash).
        ChangeId = $"{change.Dossier}#{line}",
        ErpRecordId = change.Dossier,
        Marker = line.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind = change.Action switch
        {
            "register" => ErpChangeKind.Register,
            "update-income" => ErpChangeKind.Update,
            "radiate" => ErpChangeKind.Radiate,
            _ => throw new InvalidDataException($"outbox line {line}: unknown action '{change.Action}'"),
        },
        Application = change.Action == "radiate" ? null : Application(change),
        Codes = change.Action == "register" ? Codes(change) : [],
        ChangedFields = change.Action == "update-income" ? ["resources"] : [],
        RadiationReasonCode = change.MotifRadiation,
    };

    private static Application Application(ToyChange change) => new()
    {
        Departement = change.Departement,
        Applicant = new Person
        {
            LastName = change.Nom,
            FirstNames = { change.Prenom },
            BirthDate = new Google.Type.Date { Year = change.DateNaissance.Year, Month = change.DateNaissance.Month, Day = change.DateNaissance.Day },
            BirthPlace = new BirthPlace { CommuneCode = change.CommuneNaissance },
            Contact = new Contact { Email = change.Courriel ?? "" },
        },
        Resources = new Resources { MonthlyIncomeEur = change.Revenu },
        Wishes = new Wishes { CommuneCodes = { change.CommuneSouhaitee } },
    };

    private static ErpCode[] Codes(ToyChange change) =>
    [
        new("applicant.sex", change.Sexe),
        new("applicant.nationality_class", change.Nationalite),
        new("family_situation", change.Situation),
        new("current_housing", change.Logement),
        new("reason_codes", change.Motif),
        new("wishes.typologies", change.Typologie),
    ];
}
