using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;
using Microsoft.Extensions.Configuration;

namespace Interop.Adapters.Simulator.Erp;

/// <summary>
/// Translates between the ERP's <see cref="Dossier"/> and the contract's <c>Application</c>. Codes
/// go out as <see cref="ErpCode"/>s the SDK maps; coming back, the same tables are read backwards,
/// so one configuration serves both directions.
/// </summary>
internal sealed class DossierTranslator(IConfiguration mappings)
{
    private readonly CodeMapper mapper = new(mappings);

    /// <summary>The contract fields an update of each kind sets (the update mask).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> UpdateMasks = new Dictionary<string, string[]>
    {
        ["revenu"] = ["resources"],
        ["logement"] = ["current_housing"],
        ["souhaits"] = ["wishes"],
        ["pieces-loyer"] = ["current_dwelling"],
    };

    /// <summary>The household in the contract's shape (codes left to the SDK) and the ERP codes to map.</summary>
    public static (Application Application, ErpCode[] Codes) ToContract(Dossier dossier)
    {
        var application = new Application
        {
            Departement = dossier.Departement,
            Applicant = new Person
            {
                LastName = dossier.Nom,
                FirstNames = { dossier.Prenom },
                BirthDate = new Google.Type.Date { Year = dossier.DateNaissance.Year, Month = dossier.DateNaissance.Month, Day = dossier.DateNaissance.Day },
                BirthPlace = new BirthPlace { CommuneCode = dossier.CommuneNaissance },
                Contact = new Contact { Email = dossier.Courriel ?? "" },
            },
            Resources = new Resources { MonthlyIncomeEur = dossier.Revenu },
            Wishes = new Wishes { CommuneCodes = { dossier.CommuneSouhaitee } },
        };
        if (CurrentDwellingMapping.From(dossier.Pieces, dossier.Loyer) is { } dwelling)
        {
            application.CurrentDwelling = dwelling;
        }

        List<ErpCode> codes =
        [
            new("applicant.sex", dossier.Sexe),
            new("applicant.nationality_class", dossier.Nationalite),
            new("family_situation", dossier.Situation),
            new("current_housing", dossier.Logement),
            new("reason_codes", dossier.Motif),
        ];
        if (dossier.Typologie is { } typologie)
        {
            codes.Add(new("wishes.typologies", typologie));
        }

        return (application, [.. codes]);
    }

    /// <summary>
    /// The dossier the ERP keeps for a hub application: <paramref name="existing"/> updated, or a new
    /// one with <paramref name="reference"/>.
    /// </summary>
    /// <exception cref="ErpRefusedException">A contract code has no ERP code in the tables (the ERP cannot hold it).</exception>
    public Dossier FromContract(Application application, string number, Dossier? existing, string reference)
    {
        var applicant = application.Applicant ?? new Person();
        var birth = applicant.BirthDate;
        var radiated = application.Status == ApplicationStatus.Radiated;
        return new Dossier
        {
            Reference = existing?.Reference ?? reference,
            Origine = existing?.Origine ?? "HUB",
            NumeroUnique = number,
            Nom = applicant.LastName,
            Prenom = applicant.FirstNames.FirstOrDefault() ?? "",
            Sexe = mapper.RequireErpCode("applicant.sex", applicant.Sex),
            DateNaissance = birth is null || birth.Year == 0 ? default : new DateOnly(birth.Year, birth.Month, birth.Day),
            CommuneNaissance = applicant.BirthPlace?.CommuneCode ?? "",
            Nationalite = mapper.RequireErpCode("applicant.nationality_class", applicant.NationalityClass),
            Courriel = applicant.Contact?.Email,
            Situation = mapper.RequireErpCode("family_situation", application.FamilySituation),
            Logement = mapper.RequireErpCode("current_housing", application.CurrentHousing),
            Pieces = application.CurrentDwelling is { HasMainRooms: true } rooms ? rooms.MainRooms : null,
            Loyer = application.CurrentDwelling is { HasMonthlyRentEur: true } rent ? (int)rent.MonthlyRentEur : null,
            Motif = application.ReasonCodes.Count == 0 ? "" : mapper.RequireErpCode("reason_codes", application.ReasonCodes[0]),
            Revenu = (int)(application.Resources?.MonthlyIncomeEur ?? 0),
            Departement = application.Departement,
            Typologie = application.Wishes is { Typologies.Count: > 0 } wishes ? mapper.RequireErpCode("wishes.typologies", wishes.Typologies[0]) : null,
            CommuneSouhaitee = application.Wishes?.CommuneCodes.FirstOrDefault() ?? "",
            Statut = application.Status switch
            {
                ApplicationStatus.Radiated => "RADIE",
                ApplicationStatus.Erased => "EFFACE",
                ApplicationStatus.Merged => "FUSIONNE",
                _ => "ACTIF",
            },
            MotifRadiation = radiated && application.Radiation is { } radiation ? mapper.RequireErpCode("radiation_reason", radiation.Reason) : null,
            Revision = application.Revision,
        };
    }
}
