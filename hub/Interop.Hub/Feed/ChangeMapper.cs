using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Storage.Feed;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Feed;

/// <summary>Feed rows to contract messages; change kinds between their stored strings and the contract's enum.</summary>
internal static class ChangeMapper
{
    private static readonly Dictionary<string, V1.ChangeKind> Kinds = new(StringComparer.Ordinal)
    {
        [ChangeKind.Registered] = V1.ChangeKind.Registered,
        [ChangeKind.Imported] = V1.ChangeKind.Imported,
        [ChangeKind.Updated] = V1.ChangeKind.Updated,
        [ChangeKind.Renewed] = V1.ChangeKind.Renewed,
        [ChangeKind.Radiated] = V1.ChangeKind.Radiated,
        [ChangeKind.Reactivated] = V1.ChangeKind.Reactivated,
        [ChangeKind.Erased] = V1.ChangeKind.Erased,
        [ChangeKind.Merged] = V1.ChangeKind.Merged,
        [ChangeKind.Unmerged] = V1.ChangeKind.Unmerged,
        [ChangeKind.DeclaredDistinct] = V1.ChangeKind.DeclaredDistinct,
        [ChangeKind.Proposed] = V1.ChangeKind.Proposed,
        [ChangeKind.CalDecided] = V1.ChangeKind.CalDecided,
        [ChangeKind.Offered] = V1.ChangeKind.Offered,
        [ChangeKind.OfferAnswered] = V1.ChangeKind.OfferAnswered,
        [ChangeKind.CriterionValidated] = V1.ChangeKind.CriterionValidated,
    };

    public static string? StoredKind(V1.ChangeKind kind) => Kinds.FirstOrDefault(pair => pair.Value == kind).Key;

    public static V1.Change ToProto(FeedChange change, V1.Application? state) => new()
    {
        ChangeId = change.ChangeId.ToString(),
        ChangeSeq = change.ChangeSeq,
        Kind = Kinds.GetValueOrDefault(change.Kind, V1.ChangeKind.Unspecified),
        Application = ApplicationMapper.ResourceName(change.ApplicationNumber),
        Revision = change.Revision,
        ChangeTime = Timestamp.FromDateTime(DateTime.SpecifyKind(change.OccurredAt, DateTimeKind.Utc)),
        Actor = change.Actor.StartsWith("hub:", StringComparison.Ordinal) ? "hub" : "organizations/" + change.Actor,
        ApplicationState = state,
    };
}
