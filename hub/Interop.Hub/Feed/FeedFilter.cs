using Interop.Hub.Core.Access;
using Interop.Hub.Storage.Feed;

namespace Interop.Hub.Feed;

/// <summary>
/// Which changes a subscriber receives: those its organisation may see (the
/// same rules as every read), narrowed — never widened — by the filters it
/// chose, without its own writes unless it asked for them.
/// </summary>
internal sealed record FeedFilter(
    ReadScope Scope,
    string OrganizationId,
    IReadOnlySet<string> Kinds,
    IReadOnlySet<string> Departements,
    IReadOnlySet<string> WishedCommunes,
    bool IncludeOwnChanges)
{
    public bool Passes(FeedChange change) =>
        Scope.Covers(change.Departement, change.RegisteringDesk, change.WishedCommunes)
        && (Kinds.Count == 0 || Kinds.Contains(change.Kind))
        && (Departements.Count == 0 || Departements.Contains(change.Departement))
        && (WishedCommunes.Count == 0 || change.WishedCommunes.Any(WishedCommunes.Contains))
        && (IncludeOwnChanges || change.Actor != OrganizationId);
}
