using System.Globalization;
using System.Text;
using Interop.Adapters.Files.Csv;
using Interop.Adapters.Files.Inbox;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Mapping;
using Interop.Contracts.V1;
using Microsoft.Extensions.Configuration;

namespace Interop.Adapters.Files.Outbox;

/// <summary>
/// The hub's changes as files for the ERP to import: one CSV file per change in <c>outbox/</c>,
/// named <c>{yyyyMMdd-HHmmss}-{change seq}-{number}.csv</c> after the hub's change time (UTC), in
/// UTF-8 with <c>;</c>, the same columns as the inbox's exports plus <c>numero</c>, <c>evenement</c>,
/// <c>revision</c> and <c>statut</c>; codes written back as the landlord's own through the mapping
/// tables read backwards (the contract's code when the landlord has none). Written atomically
/// (<see cref="AtomicFile"/>); the same change written again replaces its file with the same content.
/// </summary>
public sealed class OutboxSink(FilesFolders folders, IConfiguration mappings) : IHubChangeSink
{
    private readonly CodeMapper mapper = new(mappings);

    private const string Header = "numero;evenement;revision;statut;motif_radiation;dossier;nom;prenom;sexe;date_naissance;commune_naissance;nationalite;situation;logement;motifs;revenu;departement;typologies;communes;pieces;loyer";

    /// <summary>Raised after a change's file is written (its name).</summary>
    public event Action<string>? Written;

    /// <inheritdoc />
    public Task<string?> ApplyAsync(Change change, string? erpRecordId, CancellationToken cancellationToken)
    {
        var number = change.Application.StartsWith("applications/", StringComparison.Ordinal) ? change.Application["applications/".Length..] : change.Application;
        var time = change.ChangeTime?.ToDateTime() ?? DateTime.UnixEpoch;
        var name = string.Create(CultureInfo.InvariantCulture, $"{time:yyyyMMdd-HHmmss}-{change.ChangeSeq:D10}-{number}.csv");
        var a = change.ApplicationState ?? new Application();
        var p = a.Applicant ?? new Person();
        string[] fields =
        [
            number,
            CodeMapper.ContractName(change.Kind),
            change.Revision.ToString(CultureInfo.InvariantCulture),
            CodeMapper.ContractName(a.Status),
            a.Radiation is { } radiation && radiation.Reason != RadiationReason.Unspecified ? Erp("radiation_reason", CodeMapper.ContractName(radiation.Reason)) : "",
            erpRecordId ?? "",
            p.LastName,
            string.Join(' ', p.FirstNames),
            p.Sex == Sex.Unspecified ? "" : Erp("applicant.sex", CodeMapper.ContractName(p.Sex)),
            p.BirthDate is { Year: > 0 } birth ? string.Create(CultureInfo.InvariantCulture, $"{birth.Day:D2}/{birth.Month:D2}/{birth.Year:D4}") : "",
            p.BirthPlace?.CommuneCode ?? "",
            p.NationalityClass == NationalityClass.Unspecified ? "" : Erp("applicant.nationality_class", CodeMapper.ContractName(p.NationalityClass)),
            a.FamilySituation == FamilySituation.Unspecified ? "" : Erp("family_situation", CodeMapper.ContractName(a.FamilySituation)),
            a.CurrentHousing == HousingSituation.Unspecified ? "" : Erp("current_housing", CodeMapper.ContractName(a.CurrentHousing)),
            string.Join('|', a.ReasonCodes.Select(r => Erp("reason_codes", r))),
            a.Resources?.MonthlyIncomeEur.ToString(CultureInfo.InvariantCulture) ?? "",
            a.Departement,
            string.Join('|', a.Wishes?.Typologies.Select(t => Erp("wishes.typologies", CodeMapper.ContractName(t))) ?? []),
            string.Join('|', a.Wishes?.CommuneCodes ?? []),
            // Last, so an ERP importing by position before they existed still finds every column where it was.
            a.CurrentDwelling is { HasMainRooms: true } rooms ? rooms.MainRooms.ToString(CultureInfo.InvariantCulture) : "",
            a.CurrentDwelling is { HasMonthlyRentEur: true } rent ? rent.MonthlyRentEur.ToString(CultureInfo.InvariantCulture) : "",
        ];
        var content = Header + "\n" + string.Join(';', fields.Select(Quote)) + "\n";
        AtomicFile.Write(Path.Combine(folders.Outbox, name), Encoding.UTF8.GetBytes(content));
        Written?.Invoke(name);
        return Task.FromResult<string?>(erpRecordId ?? "hub-" + number);
    }

    // The export writes the contract's code where the landlord's tables have none (adapters/README.md, the Files
    // outbox): the change is written, not refused as the SQL adapter and the simulator refuse it.
    private string Erp(string table, string contractCode) => mapper.ErpCodeOf(table, contractCode) ?? contractCode;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(";\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
