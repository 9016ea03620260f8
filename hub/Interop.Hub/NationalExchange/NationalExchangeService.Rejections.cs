using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Validation;
using Interop.Hub.Storage.NationalExchange;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.NationalExchange;

internal sealed partial class NationalExchangeService
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;
    private const int MaxMessageLength = 500;
    private const int MaxCodeLength = 20;
    private const int MaxFileNameLength = 200;
    private const string EveryApplication = "applications/-";
    private static readonly string[] NationalTypes = ["CRE", "MOD", "REN", "RAD", "SUP"];

    public override Task<V1.NationalRejection> RecordNationalRejection(V1.RecordNationalRejectionRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Parent, "parent", violations, out var number);
        var rejection = request.Rejection ?? new V1.NationalRejection();
        if (request.Rejection is null)
        {
            violations.Add("rejection", "is required: the rejected line and the national control's code and message.");
        }
        else
        {
            if (!NationalTypes.Contains(rejection.NationalType, StringComparer.Ordinal))
            {
                violations.Add("rejection.national_type", "must be one of CRE, MOD, REN, RAD, SUP.");
            }

            RequestRules.Text(rejection.ControlCode, "rejection.control_code", MaxCodeLength, required: true, violations);
            RequestRules.Text(rejection.Message, "rejection.message", MaxMessageLength, required: false, violations);
            if (rejection.RejectedRevision <= 0)
            {
                violations.Add("rejection.rejected_revision", "is required: the revision the rejected line carried (≥ 1).");
            }

            RequestRules.Text(rejection.ExportFile, "rejection.export_file", MaxFileNameLength, required: true, violations);
            if (rejection.LineNumber <= 0)
            {
                violations.Add("rejection.line_number", "is required: the line's numeroOrdre in the export file (≥ 1).");
            }

            RequestRules.Text(rejection.ReturnFile, "rejection.return_file", MaxFileNameLength, required: true, violations);
        }

        violations.ThrowIfAny();

        var principal = RequireNationalExchange(context);
        return writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            nameof(RecordNationalRejection),
            request,
            async (transaction, now, token) =>
            {
                // The row is locked as every writer of the application does, so a
                // rejection and a resolution of the same application queue.
                await applicationWriter.LockVisibleAsync(transaction, principal, number, token);
                var recorded = await rejections.RecordAsync(
                    transaction,
                    new NationalRejectionRecord
                    {
                        RejectionId = Guid.CreateVersion7(now),
                        ApplicationNumber = number,
                        NationalType = rejection.NationalType,
                        ControlCode = rejection.ControlCode,
                        Message = rejection.Message,
                        RejectedRevision = rejection.RejectedRevision,
                        ExportFile = rejection.ExportFile,
                        LineNumber = rejection.LineNumber,
                        ReturnFile = rejection.ReturnFile,
                        RecordedAt = now.UtcDateTime,
                    },
                    token);
                return NationalRejectionMapper.ToProto(recorded);
            },
            context.CancellationToken);
    }

    public override Task<V1.ResolveNationalRejectionsResponse> ResolveNationalRejections(
        V1.ResolveNationalRejectionsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Parent, "parent", violations, out var number);
        if (request.AcknowledgedRevision <= 0)
        {
            violations.Add("acknowledged_revision", "is required: the revision the national registry acknowledged (≥ 1).");
        }

        RequestRules.Text(request.ReturnFile, "return_file", MaxFileNameLength, required: true, violations);
        violations.ThrowIfAny();

        var principal = RequireNationalExchange(context);
        return writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            nameof(ResolveNationalRejections),
            request,
            async (transaction, now, token) =>
            {
                await applicationWriter.LockVisibleAsync(transaction, principal, number, token);
                var resolved = await rejections.ResolveAsync(transaction, number, request.AcknowledgedRevision, now.UtcDateTime, token);
                return new V1.ResolveNationalRejectionsResponse { Resolved = { resolved.Select(NationalRejectionMapper.ToProto) } };
            },
            context.CancellationToken);
    }

    public override async Task<V1.ListNationalRejectionsResponse> ListNationalRejections(
        V1.ListNationalRejectionsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        string? number = null;
        if (request.Parent != EveryApplication)
        {
            RequestRules.ApplicationName(request.Parent, "parent", violations, out var parsed);
            number = parsed;
        }

        var pageSize = RequestRules.PageSize(request.PageSize, DefaultPageSize, MaxPageSize, violations);
        var listing = $"nationalRejections:{number ?? "-"}:{request.IncludeResolved}";
        (string Number, Guid Id)? after = null;
        if (request.PageToken.Length > 0)
        {
            if (PageTokens.Read(request.PageToken, listing) is { } last
                && last.Split('/') is [var lastNumber, var lastId]
                && Guid.TryParse(lastId, out var id))
            {
                after = (lastNumber, id);
            }
            else
            {
                violations.Add("page_token", "is not a token of this listing; send the next_page_token of the previous page with the same parent and filter.");
            }
        }

        violations.ThrowIfAny();

        var principal = context.Caller();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        if (number is null)
        {
            if (!AccessPolicy.NominativeReadScope(principal.Organization).All)
            {
                throw Denials.NotAllowed(principal, "list the national rejections of every application: name one application as the parent");
            }
        }
        else
        {
            var application = await applications.GetAsync(connection, number, context.CancellationToken);
            if (application is null || !AccessPolicy.CanRead(principal.Organization, application))
            {
                throw Denials.ApplicationNotVisible(principal, Registry.ApplicationMapper.ResourceName(number));
            }
        }

        var page = await rejections.ListAsync(
            connection, number, request.IncludeResolved, after?.Number, after?.Id, pageSize + 1, context.CancellationToken);
        var response = new V1.ListNationalRejectionsResponse { NationalRejections = { page.Take(pageSize).Select(NationalRejectionMapper.ToProto) } };
        if (page.Count > pageSize)
        {
            var last = page[pageSize - 1];
            response.NextPageToken = PageTokens.Write($"{last.ApplicationNumber}/{last.RejectionId}", listing);
        }

        return response;
    }
}
