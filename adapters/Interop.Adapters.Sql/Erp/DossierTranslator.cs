using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;
using Microsoft.Extensions.Configuration;

namespace Interop.Adapters.Sql.Erp;

/// <summary>
/// Translates between a <see cref="DossierRow"/> and the contract's <c>Application</c>. Codes go out as
/// <see cref="ErpCode"/>s the SDK maps; coming back, the same tables are read backwards, so one
/// configuration serves both directions.
/// </summary>
public sealed class DossierTranslator(IConfiguration mappings)
{
    private readonly CodeMapper mapper = new(mappings);

    /// <summary>The household in the contract's shape (codes left to the SDK) and the ERP codes to map.</summary>
    public static (Application Application, ErpCode[] Codes) ToContract(DossierRow dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var application = new Application
        {
            Departement = dossier.Departement,
            Applicant = new Person
            {
                LastName = dossier.Nom,
                FirstNames = { dossier.Prenom },
                BirthPlace = new BirthPlace { CommuneCode = dossier.CommuneNaissance ?? "" },
                Contact = new Contact { Email = dossier.Courriel ?? "" },
            },
            Resources = new Resources { MonthlyIncomeEur = dossier.RevenuMensuel ?? 0 },
            Wishes = new Wishes(),
        };
        if (dossier.DateNaissance is { } birth)
        {
            application.Applicant.BirthDate = new Google.Type.Date { Year = birth.Year, Month = birth.Month, Day = birth.Day };
        }

        if (CurrentDwellingMapping.From(dossier.PiecesPrincipales, dossier.LoyerMensuel) is { } dwelling)
        {
            application.CurrentDwelling = dwelling;
        }

        if (dossier.CommuneSouhaitee is { Length: > 0 } commune)
        {
            application.Wishes.CommuneCodes.Add(commune);
        }

        List<ErpCode> codes = [new("applicant.sex", dossier.Civilite)];
        Add(codes, "applicant.nationality_class", dossier.Nationalite);
        Add(codes, "family_situation", dossier.SituationFamiliale);
        Add(codes, "current_housing", dossier.LogementActuel);
        Add(codes, "reason_codes", dossier.Motif);
        Add(codes, "wishes.typologies", dossier.Typologie);
        return (application, [.. codes]);
    }

    /// <summary>
    /// The row the ERP keeps for a hub application: <paramref name="existing"/> updated, or a new one with
    /// <paramref name="reference"/>.
    /// </summary>
    /// <exception cref="ErpRefusedException">A contract code has no ERP code in the tables (the ERP cannot hold it).</exception>
    public DossierRow FromContract(Application application, string number, DossierRow? existing, string reference)
    {
        ArgumentNullException.ThrowIfNull(application);
        var applicant = application.Applicant ?? new Person();
        var birth = applicant.BirthDate;
        return new DossierRow
        {
            Reference = existing?.Reference ?? reference,
            Origine = existing?.Origine ?? "HUB",
            NumeroUnique = number,
            Civilite = mapper.RequireErpCode("applicant.sex", applicant.Sex),
            Nom = applicant.LastName,
            Prenom = applicant.FirstNames.FirstOrDefault() ?? "",
            DateNaissance = birth is null || birth.Year == 0 ? null : new DateOnly(birth.Year, birth.Month, birth.Day),
            CommuneNaissance = applicant.BirthPlace?.CommuneCode,
            Nationalite = applicant.NationalityClass == NationalityClass.Unspecified ? null : mapper.RequireErpCode("applicant.nationality_class", applicant.NationalityClass),
            SituationFamiliale = application.FamilySituation == FamilySituation.Unspecified ? null : mapper.RequireErpCode("family_situation", application.FamilySituation),
            LogementActuel = application.CurrentHousing == HousingSituation.Unspecified ? null : mapper.RequireErpCode("current_housing", application.CurrentHousing),
            PiecesPrincipales = application.CurrentDwelling is { HasMainRooms: true } rooms ? rooms.MainRooms : null,
            LoyerMensuel = application.CurrentDwelling is { HasMonthlyRentEur: true } rent ? (int)rent.MonthlyRentEur : null,
            Motif = application.ReasonCodes.Count == 0 ? null : mapper.RequireErpCode("reason_codes", application.ReasonCodes[0]),
            RevenuMensuel = (int)(application.Resources?.MonthlyIncomeEur ?? 0),
            Departement = application.Departement,
            Typologie = application.Wishes is { Typologies.Count: > 0 } wishes ? mapper.RequireErpCode("wishes.typologies", wishes.Typologies[0]) : null,
            CommuneSouhaitee = application.Wishes?.CommuneCodes.FirstOrDefault(),
            Courriel = applicant.Contact?.Email is { Length: > 0 } email ? email : null,
            Statut = application.Status switch
            {
                ApplicationStatus.Radiated => "RADIE",
                ApplicationStatus.Erased => "EFFACE",
                ApplicationStatus.Merged => "FUSIONNE",
                _ => "EN_COURS",
            },
            MotifRadiation = application.Status == ApplicationStatus.Radiated && application.Radiation is { } radiation ? mapper.RequireErpCode("radiation_reason", radiation.Reason) : null,
            RenouveleLe = existing?.RenouveleLe,
            RevisionHub = application.Revision,
        };
    }

    private static void Add(List<ErpCode> codes, string table, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            codes.Add(new ErpCode(table, value));
        }
    }
}
