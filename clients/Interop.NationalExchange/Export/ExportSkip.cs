namespace Interop.NationalExchange.Export;

/// <summary>A change of the run's range that is not in the file, and why: every such change is counted and listed in the run report.</summary>
/// <param name="ChangeSeq">The change's position in the hub's feed.</param>
/// <param name="Application">The application's resource name (<c>applications/{number}</c>).</param>
/// <param name="Kind">The contract's change kind (e.g. <c>CHANGE_KIND_PROPOSED</c>).</param>
/// <param name="Category"><see cref="ExportSkip.NotExported"/> (by design, no national file type) or <see cref="ExportSkip.NotExpressible"/> (should go, but the file cannot say it).</param>
/// <param name="Reason">A sentence for the operator.</param>
public sealed record ExportSkip(long ChangeSeq, string Application, string Kind, string Category, string Reason)
{
    /// <summary>The change has no SNE file type by design (attribution steps, imported applications).</summary>
    public const string NotExported = "not-exported";

    /// <summary>The change should reach the national registry but cannot be expressed (erased data, a missing mandatory element): an operator must act.</summary>
    public const string NotExpressible = "not-expressible";
}
