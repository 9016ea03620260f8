using Npgsql;

namespace Interop.Benchmarks;

/// <summary>
/// The payloads of one registration as the hub stored them (household
/// document, change, audit record, stored answer), so the direct baseline
/// writes rows of the same size without re-implementing the hub's mapping.
/// </summary>
internal sealed record HubRowSample(
    string Household, string[] WishedCommunes, int ValidityDays, string ChangeKind, string ChangeDetails,
    string Caller, string Method, byte[] Response,
    string? AuditKeyId, string AuditMethod, string AuditAction, string AuditPeer)
{
    public static async Task<HubRowSample> ReadAsync(BenchmarkDatabase database, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.household::text, a.wished_communes, a.expiry_date - a.filed_date, c.kind, c.details::text,
                   k.caller, k.method, k.response, r.key_id, r.method, r.action, r.peer
            FROM applications a
            JOIN changes c ON c.application_number = a.number
            JOIN idempotency_keys k ON k.caller = c.actor AND k.request_id = c.request_id
            JOIN audit_records r ON r.application_number = a.number
            LIMIT 1
            """;
        await using var connection = new NpgsqlConnection(database.UnpooledConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new BenchmarkSetupException("The hub registered nothing, so there is no row to copy for the direct-SQL baseline.");
        }

        return new HubRowSample(
            reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), reader.GetString(6), reader.GetFieldValue<byte[]>(7),
            await reader.IsDBNullAsync(8, cancellationToken) ? null : reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11));
    }
}
