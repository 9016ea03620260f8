using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Admin;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Audit;

/// <summary>
/// Reads the audit trail (interop.v1.AuditService): the administrator reads it
/// all; the organisation that registered an application reads that
/// application's records, for the applicant's right of access.
/// </summary>
internal sealed class AuditService(RegistryDatabase database, AuditTrail trail, ApplicationStore applications)
    : V1.AuditService.AuditServiceBase
{
    public override async Task<V1.ListAuditRecordsResponse> ListAuditRecords(V1.ListAuditRecordsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var violations = new Violations();
        string? number = null;
        if (request.Application.Length > 0)
        {
            RequestRules.ApplicationName(request.Application, "application", violations, out var parsed);
            number = parsed;
        }

        string? organizationId = null;
        if (request.Organization.Length > 0)
        {
            const string prefix = "organizations/";
            organizationId = request.Organization.StartsWith(prefix, StringComparison.Ordinal) ? request.Organization[prefix.Length..] : "";
            OrganizationValidator.ValidateId(organizationId, "organization", violations);
        }

        var pageSize = RequestRules.PageSize(request.PageSize, 100, 1000, violations);

        // The cursor is the last record's position: its audit_id, then its application (a feed
        // delivery's reads share one id). A token of an id alone, as earlier versions wrote, still reads on.
        long? before = null;
        string? beforeNumber = null;
        if (request.PageToken.Length > 0)
        {
            var token = PageTokens.Read(request.PageToken, "audit");
            var separator = token?.IndexOf(':') ?? -1;
            var id = separator < 0 ? token : token![..separator];
            before = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedId) ? parsedId : null;
            beforeNumber = separator < 0 ? null : token![(separator + 1)..];
            if (before is null)
            {
                violations.Add("page_token", "is not a token of this listing.");
            }
        }

        if (number is null && !AccessPolicy.CanAdminister(caller.Organization))
        {
            violations.Add("application", "Name the application whose audit trail you read.");
        }

        violations.ThrowIfAny();

        await using var connection = await database.OpenAsync(context.CancellationToken);
        if (!AccessPolicy.CanAdminister(caller.Organization))
        {
            var application = await applications.GetAsync(connection, number!, context.CancellationToken);
            if (application is null || !AccessPolicy.CanReadAuditOf(caller.Organization, application))
            {
                throw Denials.NotAllowed(caller, $"read the audit trail of {ApplicationMapper.ResourceName(number!)}");
            }
        }

        var rows = await trail.ListAsync(connection, number, organizationId, before, beforeNumber, pageSize + 1, context.CancellationToken);
        var response = new V1.ListAuditRecordsResponse
        {
            AuditRecords =
            {
                rows.Take(pageSize).Select(r => new V1.AuditRecord
                {
                    AuditId = r.AuditId,
                    AccessTime = Timestamp.FromDateTime(DateTime.SpecifyKind(r.AccessTime, DateTimeKind.Utc)),
                    Organization = OrganizationMapper.ResourceName(r.OrganizationId),
                    KeyId = r.KeyId ?? "",
                    Application = ApplicationMapper.ResourceName(r.ApplicationNumber),
                    Method = r.Method,
                    Action = r.Action == AuditTrail.Read ? V1.AuditAction.Read : V1.AuditAction.Change,
                    Peer = r.Peer,
                }),
            },
        };
        if (rows.Count > pageSize)
        {
            response.NextPageToken = PageTokens.Write(
                string.Create(CultureInfo.InvariantCulture, $"{rows[pageSize - 1].AuditId}:{rows[pageSize - 1].ApplicationNumber}"), "audit");
        }

        return response;
    }
}
