using Interop.NationalExchange.Files;

namespace Interop.NationalExchange.State;

/// <summary>
/// What the national registry has told us it holds (<c>national-ledger.json</c>):
/// for each number acknowledged or radiated elsewhere, its national status. The
/// reconciliation compares it with the hub. Held in memory whole: about 100 bytes
/// a number, so a million numbers is about 100 MB (not flat; see the README).
/// </summary>
internal sealed class NationalLedger
{
    public const string FileName = "national-ledger.json";

    public SortedDictionary<string, NationalEntry> Entries { get; init; } = new(StringComparer.Ordinal);

    public static NationalLedger Load(string directory) =>
        DurableJson.Load<NationalLedger>(Path.Combine(directory, FileName)) ?? new NationalLedger();

    public void Save(string directory) => DurableJson.Save(Path.Combine(directory, FileName), this);

    /// <summary>Records a status, unless the ledger already holds a later revision of the number.</summary>
    public void Record(string number, NationalEntry entry)
    {
        if (Entries.TryGetValue(number, out var known) && known.Revision > entry.Revision && entry.Revision > 0)
        {
            return;
        }

        Entries[number] = entry;
    }
}

/// <summary>A number's national status: ACT, RAD (with its motif) or SUP; the revision last acknowledged (0 for a radiation decided elsewhere).</summary>
internal sealed record NationalEntry(string Statut, string? Motif, long Revision);
