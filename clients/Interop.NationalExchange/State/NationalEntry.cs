namespace Interop.NationalExchange.State;

/// <summary>A number's national status: ACT, RAD (with its motif) or SUP; the revision last acknowledged (0 for a radiation decided elsewhere).</summary>
internal sealed record NationalEntry(string Statut, string? Motif, long Revision);
