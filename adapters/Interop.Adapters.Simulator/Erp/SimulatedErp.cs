using System.Collections.Concurrent;
using System.Globalization;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;
using Microsoft.Extensions.Configuration;

namespace Interop.Adapters.Simulator.Erp;

/// <summary>
/// A small landlord ERP: dossiers in its own shape, a journal of its local changes (the SDK's
/// source, marker = journal sequence) and a writer of the hub's changes (the SDK's sink, idempotent
/// on the hub's revision). Kept in memory, and in a JSON file when given one (<see cref="ErpStorage"/>).
/// </summary>
public sealed class SimulatedErp : IErpChangeSource, IHubChangeSink
{
    private const string ApplicationsPrefix = "applications/";

    private readonly object gate = new();
    private readonly Dictionary<string, Dossier> dossiers = new(StringComparer.Ordinal);
    private readonly List<JournalEntry> journal = [];
    private readonly DossierTranslator translator;
    private readonly TimeProvider timeProvider;
    private readonly string referencePrefix;
    private readonly string? path;
    private long nextReference;

    /// <summary>An ERP whose typed dossiers are named <c>{referencePrefix}-000001</c>…; with <paramref name="path"/>, kept in that file across restarts.</summary>
    /// <param name="referencePrefix">Prefix of the references of locally typed dossiers.</param>
    /// <param name="mappings">The <c>Mappings</c> section, read backwards to hold the hub's codes as the ERP's.</param>
    /// <param name="timeProvider">The ERP's clock (journal times).</param>
    /// <param name="path">The ERP's file, or null to keep it in memory only.</param>
    public SimulatedErp(string referencePrefix, IConfiguration mappings, TimeProvider timeProvider, string? path = null)
    {
        this.referencePrefix = referencePrefix;
        this.timeProvider = timeProvider;
        this.path = path;
        translator = new DossierTranslator(mappings);
        if (path is not null && ErpStorage.Load(path) is { } snapshot)
        {
            foreach (var dossier in snapshot.Dossiers)
            {
                dossiers[dossier.Reference] = dossier;
            }

            journal.AddRange(snapshot.Journal);
            nextReference = snapshot.NextReference;
        }
    }

    /// <summary>Raised after each change of the ERP, local or received (outside its lock).</summary>
    public event Action<FlowEvent>? Flow;

    /// <summary>When set and true for a hub change, the ERP refuses it (tests, and the demo's broken record).</summary>
    public Func<Change, bool>? Refuse { get; set; }

    /// <summary>How many times each flow kind happened since start.</summary>
    public ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>A copy of the dossiers.</summary>
    public IReadOnlyList<Dossier> Dossiers
    {
        get
        {
            lock (gate)
            {
                return [.. dossiers.Values];
            }
        }
    }

    /// <summary>How many hub changes were written for each number (a change applied twice counts twice).</summary>
    public ConcurrentDictionary<string, int> WritesByNumber { get; } = new(StringComparer.Ordinal);

    /// <summary>How many local changes the journal holds (the marker of the last one).</summary>
    public long JournalLength
    {
        get
        {
            lock (gate)
            {
                return journal.Count;
            }
        }
    }

    public Dossier? Find(string reference)
    {
        lock (gate)
        {
            return dossiers.GetValueOrDefault(reference);
        }
    }

    /// <summary>The dossiers holding hub number <paramref name="number"/>.</summary>
    public IReadOnlyList<Dossier> FindByNumber(string number)
    {
        lock (gate)
        {
            return [.. dossiers.Values.Where(d => d.NumeroUnique == number)];
        }
    }

    /// <summary>A desk types a new household: a new dossier and a registration in the journal.</summary>
    /// <returns>The new dossier's reference.</returns>
    public string Register(Dossier household)
    {
        Dossier dossier;
        lock (gate)
        {
            nextReference++;
            dossier = household with { Reference = $"{referencePrefix}-{nextReference.ToString("D6", CultureInfo.InvariantCulture)}", Origine = "LOCAL", Statut = "ACTIF" };
            dossiers[dossier.Reference] = dossier;
            Append(ErpChangeKind.Register, dossier, []);
        }

        Raise(FlowKinds.Registered, dossier, null);
        return dossier.Reference;
    }

    /// <summary>A desk changes a dossier; <paramref name="what"/> is a key of <see cref="DossierTranslator.UpdateMasks"/>.</summary>
    public void Update(string reference, Func<Dossier, Dossier> change, string what) =>
        Write(reference, ErpChangeKind.Update, change, DossierTranslator.UpdateMasks[what], FlowKinds.Updated, what);

    /// <summary>The household renews its application at this desk.</summary>
    public void Renew(string reference) => Write(reference, ErpChangeKind.Renew, d => d, [], FlowKinds.Renewed, null);

    /// <summary>The desk radiates the application with the ERP's own reason code (RENONC…).</summary>
    public void Radiate(string reference, string motif) =>
        Write(reference, ErpChangeKind.Radiate, d => d with { Statut = "RADIE", MotifRadiation = motif }, [], FlowKinds.Radiated, motif);

    /// <summary>
    /// The landlord signed a lease of one of its dwellings with the household: the dossier is closed
    /// (RADIE, BAIL) and the attribution goes in the journal, so the adapter pushes it after every change
    /// of the dossier typed before it; the hub then radiates the household for attribution everywhere.
    /// </summary>
    public void SignLease(string reference, Bail bail) =>
        Write(reference, ErpChangeKind.Attribute, d => d with { Statut = "RADIE", MotifRadiation = "BAIL" }, [], FlowKinds.LeaseSigned, bail.Logement, bail);

    /// <inheritdoc />
    public Task<IReadOnlyList<ErpChange>> ReadChangesAsync(string? afterMarker, int maxCount, CancellationToken cancellationToken)
    {
        var after = afterMarker is null ? 0 : long.Parse(afterMarker, CultureInfo.InvariantCulture);
        lock (gate)
        {
            // The journal is dense from 1: the entries after the marker start at its index.
            IReadOnlyList<ErpChange> batch = [.. journal.Skip((int)Math.Min(after, journal.Count)).Take(maxCount).Select(ToErpChange)];
            return Task.FromResult(batch);
        }
    }

    /// <inheritdoc />
    public Task<string?> ApplyAsync(Change change, string? erpRecordId, CancellationToken cancellationToken)
    {
        var number = change.Application.StartsWith(ApplicationsPrefix, StringComparison.Ordinal) ? change.Application[ApplicationsPrefix.Length..] : change.Application;
        if (Refuse?.Invoke(change) == true)
        {
            Raise(FlowKinds.Refused, new FlowEvent(FlowKinds.Refused, erpRecordId ?? "-", number, "refused by the ERP"));
            throw new ErpRefusedException($"the ERP refuses change {change.ChangeId} of {number}: its record is locked");
        }

        Dossier written;
        string kind;
        lock (gate)
        {
            var existing = erpRecordId is not null ? dossiers.GetValueOrDefault(erpRecordId) : dossiers.Values.FirstOrDefault(d => d.NumeroUnique == number);
            if (change.ApplicationState is not { } state)
            {
                // Erased at the hub: the ERP erases its copy too.
                if (existing is null)
                {
                    return Task.FromResult(erpRecordId);
                }

                written = existing with { Statut = "EFFACE", Nom = "", Prenom = "", Courriel = null };
                kind = FlowKinds.ReceivedUpdate;
            }
            else if (existing is not null && existing.Revision >= state.Revision && existing.NumeroUnique == number)
            {
                // Idempotent on the revision: this one (or a newer) is written already.
                return Task.FromResult<string?>(existing.Reference);
            }
            else
            {
                written = translator.FromContract(state, number, existing, "H-" + number);
                kind = existing is null || existing.NumeroUnique is null ? FlowKinds.Received
                    : written.Statut == "RADIE" && existing.Statut != "RADIE" ? FlowKinds.ReceivedRadiation
                    : FlowKinds.ReceivedUpdate;
            }

            dossiers[written.Reference] = written;
            Persist();
        }

        WritesByNumber.AddOrUpdate(number, 1, (_, n) => n + 1);
        Raise(kind, written, kind == FlowKinds.ReceivedRadiation ? written.MotifRadiation : change.Kind.ToString());
        return Task.FromResult<string?>(written.Reference);
    }

    private void Write(string reference, ErpChangeKind kind, Func<Dossier, Dossier> change, string[] changedFields, string flow, string? detail, Bail? bail = null)
    {
        Dossier dossier;
        lock (gate)
        {
            dossier = change(dossiers[reference]);
            dossiers[reference] = dossier;
            Append(kind, dossier, changedFields, bail);
        }

        Raise(flow, dossier, detail);
    }

    private void Append(ErpChangeKind kind, Dossier dossier, string[] changedFields, Bail? bail = null)
    {
        journal.Add(new JournalEntry(journal.Count + 1, kind, dossier, changedFields, timeProvider.GetUtcNow(), bail));
        Persist();
    }

    private ErpChange ToErpChange(JournalEntry entry)
    {
        var (application, codes) = DossierTranslator.ToContract(entry.Dossier);
        var sequence = entry.Sequence.ToString(CultureInfo.InvariantCulture);
        return new ErpChange
        {
            ChangeId = $"{referencePrefix}-journal-{sequence}",
            ErpRecordId = entry.Dossier.Reference,
            Kind = entry.Kind,
            Marker = sequence,
            Application = application,
            Codes = codes,
            ChangedFields = entry.ChangedFields,
            RadiationReasonCode = entry.Kind == ErpChangeKind.Radiate ? entry.Dossier.MotifRadiation : null,
            // The simulated ERP records the lease and at most its start date (none in the seeded traffic), not the
            // dates of the steps before it: the SDK dates what is left open with the hub's day, which in the tests
            // is not the ERP's (the hub's clock is fake).
            Attribution = entry.Bail is { } bail
                ? new ErpAttribution
                {
                    DwellingId = bail.Logement,
                    CommuneCode = bail.Commune,
                    TypologyCode = bail.Typologie,
                    ReservationHolderCode = bail.Contingent,
                    CollectiveAgreementCode = bail.Accord,
                    // With a start date, the CAL's decision is dated with it too (the offer and answer follow the CAL's).
                    CalDecisionDate = bail.DateEffet,
                    LeaseDate = bail.DateEffet,
                    Reached = ErpAttributionStep.LeaseSigned,
                }
                : null,
            ChangedAt = entry.At,
        };
    }

    private void Persist()
    {
        if (path is not null)
        {
            ErpStorage.Save(path, new ErpSnapshot([.. dossiers.Values], journal, nextReference));
        }
    }

    private void Raise(string kind, Dossier dossier, string? detail) =>
        Raise(kind, new FlowEvent(kind, dossier.Reference, dossier.NumeroUnique, detail));

    private void Raise(string kind, FlowEvent flowEvent)
    {
        Counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        Flow?.Invoke(flowEvent);
    }
}
