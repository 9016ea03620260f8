using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Access;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Admin;

internal sealed partial class AdminService
{
    public override async Task<V1.IssueApiKeyResponse> IssueApiKey(V1.IssueApiKeyRequest request, ServerCallContext context)
    {
        var caller = RequireAdministrator(context);
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        var organizationId = OrganizationIdOf(request.Parent, "parent", violations);
        var displayName = request.DisplayName.Trim();
        RequestRules.Text(displayName, "display_name", OrganizationValidator.MaxDisplayNameLength, required: true, violations);
        var expires = WellKnownTypes.ToInstant(request.ExpireTime, "expire_time", violations);
        if (expires <= time.GetUtcNow())
        {
            violations.Add("expire_time", "must be in the future.");
        }

        violations.ThrowIfAny();

        return await writer.RunAsync(
            caller.OrganizationId, request.RequestId, nameof(IssueApiKey), request,
            async (transaction, now, token) =>
            {
                if (await organizations.GetAsync(transaction, organizationId, token) is null)
                {
                    throw new NotFoundException(OrganizationType, OrganizationMapper.ResourceName(organizationId));
                }

                var (keyId, secretToken) = ApiKeySecret.NewToken();
                ApiKeySecret.TryParse(secretToken, out _, out var secret);
                var key = new StoredApiKey
                {
                    KeyId = keyId,
                    OrganizationId = organizationId,
                    DisplayName = displayName,
                    SecretHash = ApiKeySecret.Hash(secret),
                    CreatedAt = now.UtcDateTime,
                    ExpiresAt = expires?.UtcDateTime,
                };
                await keys.InsertAsync(transaction, key, token);
                AdminLog.KeyIssued(logger, keyId, organizationId);
                return new V1.IssueApiKeyResponse { ApiKey = OrganizationMapper.ToProto(key), Secret = secretToken };
            },
            context.CancellationToken,
            storedForm: response => { response.Secret = ""; return response; });
    }

    public override async Task<V1.ApiKey> RevokeApiKey(V1.RevokeApiKeyRequest request, ServerCallContext context)
    {
        var caller = RequireAdministrator(context);
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        var parts = request.Name.Split('/');
        if (parts is not ["organizations", var organizationId, "apiKeys", var keyId]
            || !OrganizationValidator.IsId(organizationId) || !ApiKeySecret.IsKeyId(keyId))
        {
            violations.Add("name", "must be organizations/{organization_id}/apiKeys/{key_id}, the key id being 16 lowercase hexadecimal digits.");
            violations.ThrowIfAny();
            return null!;
        }

        violations.ThrowIfAny();
        return await writer.RunAsync(
            caller.OrganizationId, request.RequestId, nameof(RevokeApiKey), request,
            async (transaction, now, token) =>
            {
                var revoked = await keys.RevokeAsync(transaction, keyId, now, token);
                if (revoked is null || revoked.OrganizationId != organizationId)
                {
                    throw new NotFoundException(ApiKeyType, request.Name);
                }

                AdminLog.KeyRevoked(logger, keyId, organizationId);
                return OrganizationMapper.ToProto(revoked);
            },
            context.CancellationToken);
    }

    public override async Task<V1.ListApiKeysResponse> ListApiKeys(V1.ListApiKeysRequest request, ServerCallContext context)
    {
        RequireAdministrator(context);
        var organizationId = OrganizationIdOf(request.Parent, "parent");
        await using var connection = await database.OpenAsync(context.CancellationToken);
        if (await organizations.GetAsync(connection, organizationId, context.CancellationToken) is null)
        {
            throw new NotFoundException(OrganizationType, OrganizationMapper.ResourceName(organizationId));
        }

        var stored = await keys.ListAsync(connection, organizationId, context.CancellationToken);
        return new V1.ListApiKeysResponse { ApiKeys = { stored.Select(OrganizationMapper.ToProto) } };
    }
}
