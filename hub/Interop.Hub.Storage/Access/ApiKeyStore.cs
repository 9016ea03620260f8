using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Access;

/// <summary>API keys: hashes only, never secrets.</summary>
public sealed class ApiKeyStore
{
    internal const string Columns = "key_id, organization_id, display_name, secret_hash, created_at, expires_at, revoked_at";

    public Task<StoredApiKey?> GetAsync(NpgsqlConnection connection, string keyId, CancellationToken cancellationToken) =>
        GetAsync(connection, null, keyId, cancellationToken);

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(NpgsqlConnection connection, string organizationId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<StoredApiKey>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE organization_id = @organizationId ORDER BY created_at, key_id",
            new { organizationId },
            cancellationToken: cancellationToken))).AsList();

    public Task InsertAsync(NpgsqlTransaction transaction, StoredApiKey key, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO api_keys ({Columns}) VALUES (@KeyId, @OrganizationId, @DisplayName, @SecretHash, @CreatedAt, @ExpiresAt, @RevokedAt)",
            key,
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Revokes the key if it is not already; returns the key as stored afterwards.</summary>
    public async Task<StoredApiKey?> RevokeAsync(NpgsqlTransaction transaction, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @now WHERE key_id = @keyId AND revoked_at IS NULL",
            new { keyId, now = now.UtcDateTime },
            transaction,
            cancellationToken: cancellationToken));
        return await GetAsync(transaction.Connection!, transaction, keyId, cancellationToken);
    }

    private static Task<StoredApiKey?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string keyId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<StoredApiKey>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE key_id = @keyId", new { keyId }, transaction, cancellationToken: cancellationToken));
}
