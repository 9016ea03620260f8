using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Validation;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
using Domain = Interop.Hub.Core.Applications;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

internal sealed partial class RegistryService
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    public override async Task<V1.Application> GetApplication(V1.GetApplicationRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.ApplicationName(request.Name, "name", violations, out var number);
        var asOf = WellKnownTypes.ToInstant(request.AsOf, "as_of", violations);
        if (asOf > time.GetUtcNow())
        {
            violations.Add("as_of", $"{asOf:O} is in the future: the history knows the past and the present only.");
        }

        violations.ThrowIfAny();

        var principal = context.Caller();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var record = await applications.GetAsync(connection, number, context.CancellationToken);
        if (record is null || !AccessPolicy.CanRead(principal.Organization, record))
        {
            throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
        }

        // Access follows the application as it is now: a caller who may not
        // read it today does not read its past either.
        if (asOf is { } instant)
        {
            var past = await pastApplications.StateAtAsync(connection, number, instant, context.CancellationToken);
            await AuditReadsAsync(connection, context, principal, [record.Number]);
            return past;
        }

        await AuditReadsAsync(connection, context, principal, [record.Number]);
        return ApplicationMapper.ToProto(record);
    }

    public override async Task<V1.ListApplicationsResponse> ListApplications(V1.ListApplicationsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var pageSize = RequestRules.PageSize(request.PageSize, DefaultPageSize, MaxPageSize, violations);
        var filter = FilterOf(request, violations);
        var fingerprint = Fingerprint(filter);
        string? after = null;
        long changeSeq = 0;
        if (request.PageToken.Length > 0 && !TryReadPageToken(request.PageToken, fingerprint, out after, out changeSeq))
        {
            violations.Add("page_token", "is not a token of this listing; send the next_page_token of the previous page with the same filters.");
        }

        violations.ThrowIfAny();

        var principal = context.Caller();
        var scope = AccessPolicy.NominativeReadScope(principal.Organization);
        if (scope.IsEmpty)
        {
            throw Denials.NotAllowed(principal, "read nominative applications");
        }

        await using var connection = await database.OpenAsync(context.CancellationToken);

        // The feed position is read before the first page: every page shows
        // states at least that recent, so resuming the feed after it misses nothing.
        if (request.PageToken.Length == 0)
        {
            (changeSeq, _) = await feed.BoundsAsync(connection, context.CancellationToken);
        }

        var page = await applications.ListAsync(connection, scope, filter, after, pageSize + 1, context.CancellationToken);
        await AuditReadsAsync(connection, context, principal, page.Take(pageSize).Select(a => a.Number).ToList());
        var response = new V1.ListApplicationsResponse
        {
            Applications = { page.Take(pageSize).Select(ApplicationMapper.ToProto) },
            ChangeSeq = changeSeq,
        };
        if (page.Count > pageSize)
        {
            response.NextPageToken = WritePageToken(page[pageSize - 1].Number, fingerprint, changeSeq);
        }

        return response;
    }

    /// <summary>Records the reads before the data leave the hub: a read whose audit failed is not answered.</summary>
    private Task AuditReadsAsync(Npgsql.NpgsqlConnection connection, ServerCallContext context, Principal principal, IReadOnlyList<string> numbers) =>
        audit.AppendAsync(
            connection,
            numbers.Select(n => new AuditEntry(principal.OrganizationId, principal.KeyId, n, context.Method, AuditTrail.Read, context.PeerAddress())).ToList(),
            time.GetUtcNow(),
            context.CancellationToken);

    private static ApplicationFilter FilterOf(V1.ListApplicationsRequest request, Violations violations)
    {
        Domain.ApplicationStatus? status = null;
        if (request.Status != V1.ApplicationStatus.Unspecified)
        {
            status = EnumMapping.ToDomain<Domain.ApplicationStatus>((int)request.Status, "status", violations);
        }

        string? departement = null;
        if (request.Departement.Length > 0)
        {
            departement = request.Departement.Trim().ToUpperInvariant();
            RequestRules.Departement(departement, "departement", violations);
        }

        string? commune = null;
        if (request.WishedCommuneCode.Length > 0)
        {
            commune = request.WishedCommuneCode.Trim().ToUpperInvariant();
            if (!InseeCodes.IsCommuneCode(commune))
            {
                violations.Add("wished_commune_code", $"{Violations.Quote(commune)} is not an INSEE commune code.");
            }
        }

        var updatedSince = WellKnownTypes.ToInstant(request.UpdatedSince, "updated_since", violations);
        return new ApplicationFilter(status, departement, commune, updatedSince);
    }

    // A page token carries the last number seen and a fingerprint of the
    // filters, so a token cannot be replayed against another listing.
    private static string Fingerprint(ApplicationFilter filter) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{filter.Status}|{filter.Departement}|{filter.WishedCommuneCode}|{filter.UpdatedSince?.UtcTicks}")))[..16];

    private static string WritePageToken(string lastNumber, string fingerprint, long changeSeq) =>
        PageTokens.Encode($"v1|{fingerprint}|{lastNumber}|{changeSeq}");

    private static bool TryReadPageToken(string token, string fingerprint, out string? lastNumber, out long changeSeq)
    {
        lastNumber = null;
        changeSeq = 0;
        // A forged token is refused like a stale one: its number must be one
        // the registry could hold, since it goes into the query as it is.
        var parts = PageTokens.Decode(token)?.Split('|');
        if (parts is ["v1", var print, var number, var seq] && print == fingerprint
            && RequestRules.TryParseApplicationName(ApplicationMapper.ResourceName(number), out var parsed) && parsed == number
            && long.TryParse(seq, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out changeSeq))
        {
            lastNumber = number;
            return true;
        }

        changeSeq = 0;
        return false;
    }
}
