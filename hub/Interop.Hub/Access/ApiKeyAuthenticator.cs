using Interop.Hub.Configuration;
using Interop.Hub.Core.Access;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Access;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Access;

/// <summary>
/// Resolves a bearer token to its organisation: the bootstrap administrator
/// key of the configuration, or an issued key that is neither expired nor
/// revoked. Looked up at every call (concurrent calls of one key share a read begun after they
/// arrived, <see cref="KeyReads"/>), so a revocation takes effect at once.
/// </summary>
internal sealed class ApiKeyAuthenticator(
    RegistryDatabase database, OrganizationStore organizations, KeyReads keyReads, TimeProvider time, IOptions<InteropOptions> options)
{
    public async Task<AuthenticationOutcome> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.BootstrapAdminKey;
        if (!string.IsNullOrEmpty(bootstrap) && ApiKeySecret.Matches(token, ApiKeySecret.Hash(bootstrap)))
        {
            return await PrincipalOfAsync(Organization.BootstrapAdministratorId, null, cancellationToken);
        }

        if (!ApiKeySecret.TryParse(token, out var keyId, out var secret))
        {
            return AuthenticationOutcome.Refused("The API key is malformed; send 'authorization: Bearer ik_…' as issued.");
        }

        var (key, organization) = await keyReads.ReadAsync(keyId, cancellationToken);
        if (key is null || !ApiKeySecret.Matches(secret, key.SecretHash))
        {
            return AuthenticationOutcome.Refused("The API key is not known.");
        }

        var now = time.GetUtcNow();
        if (key.RevokedAt is not null)
        {
            return AuthenticationOutcome.Refused($"The API key {keyId} was revoked.");
        }

        if (key.ExpiresAt is { } expires && new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) <= now)
        {
            return AuthenticationOutcome.Refused($"The API key {keyId} has expired.");
        }

        return organization is null
            ? AuthenticationOutcome.Refused("The API key's organisation no longer exists.")
            : AuthenticationOutcome.Success(new Principal(organization, keyId));
    }

    private async Task<AuthenticationOutcome> PrincipalOfAsync(string organizationId, string? keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var organization = await organizations.GetAsync(connection, organizationId, cancellationToken);
        return organization is null
            ? AuthenticationOutcome.Refused("The administrator organisation is missing; restart the hub.")
            : AuthenticationOutcome.Success(new Principal(organization, keyId));
    }
}
