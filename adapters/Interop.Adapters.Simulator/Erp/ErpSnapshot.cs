namespace Interop.Adapters.Simulator.Erp;

/// <summary>What the ERP keeps on disk: its dossiers and its journal.</summary>
internal sealed record ErpSnapshot(List<Dossier> Dossiers, List<JournalEntry> Journal, long NextReference);
