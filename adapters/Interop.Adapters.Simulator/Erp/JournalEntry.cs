using Interop.Adapters.Sdk.Outbound;

namespace Interop.Adapters.Simulator.Erp;

/// <summary>
/// One local change in the ERP's journal (its outbox): the dossier as it was written, so reading the
/// journal again gives the same change for the same sequence.
/// </summary>
/// <param name="Sequence">Dense, from 1: the SDK's marker.</param>
/// <param name="Kind">What the change does.</param>
/// <param name="Dossier">The dossier after the change.</param>
/// <param name="ChangedFields">The contract fields an update sets.</param>
/// <param name="At">When the ERP committed it.</param>
/// <param name="Bail">The lease signed, for an attribution.</param>
public sealed record JournalEntry(long Sequence, ErpChangeKind Kind, Dossier Dossier, string[] ChangedFields, DateTimeOffset At, Bail? Bail = null);
