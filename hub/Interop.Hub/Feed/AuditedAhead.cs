namespace Interop.Hub.Feed;

/// <summary>
/// The reads the fan-out audited for one stream before publishing a page:
/// the applications it would show from the changes after <paramref name="After"/>
/// through <paramref name="Through"/>.
/// </summary>
internal sealed record AuditedAhead(long After, long Through, IReadOnlySet<string> Numbers)
{
    /// <summary>Whether showing <paramref name="number"/> with the change at <paramref name="changeSeq"/> is already audited.</summary>
    public bool Covers(long changeSeq, string number) => changeSeq > After && changeSeq <= Through && Numbers.Contains(number);
}
