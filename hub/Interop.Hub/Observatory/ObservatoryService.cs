using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.History;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Validation;
using Interop.Hub.Feed;
using Interop.Hub.Projections;
using Interop.Hub.Registry;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.History;
using Interop.Hub.Storage.Statistics;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Observatory;

/// <summary>
/// The observatory (interop.v1.ObservatoryService): an application's history
/// from its durable record, the stock at a past date, and the indicators of a
/// territory from the pre-aggregated tables. Maps, asks the core, maps back;
/// the stock's and the indicators' parts are in the partial files beside.
/// </summary>
internal sealed partial class ObservatoryService(
    RegistryDatabase database,
    ApplicationStore applications,
    HistoryStore history,
    StockStore stock,
    IndicatorStore indicators,
    IndicatorRowCache indicatorRows,
    ProjectionRunner projections,
    EpciDirectory epcis,
    AuditTrail audit,
    TimeProvider time) : V1.ObservatoryService.ObservatoryServiceBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    public override async Task<V1.ListApplicationChangesResponse> ListApplicationChanges(
        V1.ListApplicationChangesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.ApplicationName(request.Parent, "parent", violations, out var number);
        var pageSize = RequestRules.PageSize(request.PageSize, DefaultPageSize, MaxPageSize, violations);
        long afterRevision = 0;
        if (request.PageToken.Length > 0
            && !(PageTokens.Read(request.PageToken, "changes:" + number) is { } last
                 && long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out afterRevision)))
        {
            violations.Add("page_token", "is not a token of this listing; send the next_page_token of the previous page of the same application.");
        }

        violations.ThrowIfAny();

        var principal = context.Caller();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var current = await applications.GetAsync(connection, number, context.CancellationToken);
        if (current is null || !AccessPolicy.CanRead(principal.Organization, current))
        {
            throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
        }

        var steps = ApplicationTimeline.Replay(await history.ForApplicationAsync(connection, number, context.CancellationToken));
        var page = steps.Where(s => s.Entry.Revision > afterRevision).Take(pageSize + 1).ToList();

        // The history shows personal data as a read does: recorded before it leaves.
        await audit.AppendAsync(
            connection,
            [new AuditEntry(principal.OrganizationId, principal.KeyId, number, context.Method, AuditTrail.Read, context.PeerAddress())],
            time.GetUtcNow(),
            context.CancellationToken);

        var response = new V1.ListApplicationChangesResponse { Changes = { page.Take(pageSize).Select(ToProto) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = PageTokens.Write(
                page[pageSize - 1].Entry.Revision.ToString(CultureInfo.InvariantCulture), "changes:" + number);
        }

        return response;
    }

    private static V1.ApplicationChange ToProto(TimelineStep step)
    {
        var entry = step.Entry;
        var change = new V1.ApplicationChange
        {
            Name = $"{ApplicationMapper.ResourceName(entry.Number)}/changes/{entry.Revision.ToString(CultureInfo.InvariantCulture)}",
            Revision = entry.Revision,
            Kind = KindOf(entry.Kind),
            Actor = entry.Actor.StartsWith("hub:", StringComparison.Ordinal) ? "hub" : "organizations/" + entry.Actor,
            ChangeTime = Timestamp.FromDateTimeOffset(entry.OccurredAt),
            StateRecorded = step.After is not null,
        };
        // What changed is known when both states are, or from nothing at the first revision;
        // the state an upgrade recorded on an older application has no known state before it.
        if (step.After is { } after && (step.Before is not null || entry.Revision == 1))
        {
            var before = step.Before is { } b ? PastApplications.ToProto(b, step.BeforeFacts!) : null;
            change.FieldChanges.AddRange(FieldDiff.Between(before, PastApplications.ToProto(after, entry.Facts!)));
        }

        return change;
    }

    private static V1.ChangeKind KindOf(string stored) =>
        System.Enum.GetValues<V1.ChangeKind>().FirstOrDefault(kind => ChangeMapper.StoredKind(kind) == stored);
}
