using System.Security.Cryptography;
using System.Text;
using Interop.Hub.Core.Numbering;
using Npgsql;

namespace Interop.Benchmarks;

/// <summary>
/// The SQL a hub registration runs, sent straight from Npgsql: the same
/// statements in the same order and one transaction as
/// <c>IdempotentWriter</c> and the stores of <c>Interop.Hub.Storage</c> send
/// (claim the request id, take the counter, insert the application, its
/// change and its audit record, store the answer, commit), one round trip
/// each. What it leaves out is everything else the hub does: gRPC, the API
/// key look-up, validation, mapping, Dapper, and the NOTIFY after commit.
/// </summary>
internal sealed class DirectRegistration(NpgsqlDataSource dataSource, HubRowSample sample)
{
    // TestApplications are households of the Calvados.
    private const string Departement = "14";

    private const string ClaimSql = """
        INSERT INTO idempotency_keys (caller, request_id, method, request_hash, created_at)
        VALUES (@caller, @requestId, @method, @requestHash, @now)
        ON CONFLICT (caller, request_id) DO NOTHING
        """;

    private const string CounterSql = """
        INSERT INTO number_counters AS c (departement, month, desk, last_value)
        VALUES (@departement, @month, @desk, 1)
        ON CONFLICT (departement, month, desk) DO UPDATE SET last_value = c.last_value + 1
        RETURNING last_value
        """;

    // The hub binds the columns a new registration leaves empty as null parameters; literals do the same work.
    private const string ApplicationSql = """
        INSERT INTO applications (
            number, departement, registering_desk, origin, status, revision, filed_date, last_renewed_date, expiry_date,
            radiation_reason, radiation_date, warning_letter_date, inadmissibility_reason, merged_into,
            household, wished_communes, created_at, updated_at)
        VALUES (
            @number, @departement, @desk, 'registered', 'active', 1, @filedDate, NULL, @expiryDate,
            NULL, NULL, NULL, NULL, NULL,
            CAST(@household AS jsonb), @wishedCommunes, @now, @now)
        """;

    private const string ChangeSql = """
        INSERT INTO changes (change_id, application_number, revision, kind, actor, request_id, occurred_at, details)
        VALUES (@changeId, @number, 1, @kind, @caller, @requestId, @now, CAST(@details AS jsonb))
        """;

    private const string AuditSql = """
        INSERT INTO audit_records (access_time, organization_id, key_id, application_number, method, action, peer)
        SELECT @now, e.organization_id, e.key_id, e.application_number, e.method, e.action, e.peer
        FROM unnest(@organizations, @keys, @numbers, @methods, @actions, @peers)
            AS e (organization_id, key_id, application_number, method, action, peer)
        """;

    private const string CompleteSql = "UPDATE idempotency_keys SET response = @response WHERE caller = @caller AND request_id = @requestId";

    // A 32-byte digest like the hub's request fingerprint; what it digests does not matter here.
    private readonly byte[] requestHash = SHA256.HashData(Encoding.UTF8.GetBytes(sample.Household));

    public async Task RegisterAsync(string desk, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var claimed = await ExecuteAsync(
            transaction, ClaimSql, cancellationToken,
            ("caller", sample.Caller), ("requestId", requestId), ("method", sample.Method), ("requestHash", requestHash), ("now", now));
        if (claimed != 1)
        {
            throw new InvalidDataException($"Request id {requestId} was already claimed.");
        }

        await using var counterCommand = Command(
            transaction, CounterSql, ("departement", Departement), ("month", $"{today.Year % 100:00}{today.Month:00}"), ("desk", desk));
        var counter = (int)(await counterCommand.ExecuteScalarAsync(cancellationToken))!;
        var number = ApplicationNumber.Mint(Departement, today, desk, counter);

        await ExecuteAsync(
            transaction, ApplicationSql, cancellationToken,
            ("number", number), ("departement", Departement), ("desk", desk), ("filedDate", today),
            ("expiryDate", today.AddDays(sample.ValidityDays)), ("household", sample.Household),
            ("wishedCommunes", sample.WishedCommunes), ("now", now));
        await ExecuteAsync(
            transaction, ChangeSql, cancellationToken,
            ("changeId", Guid.CreateVersion7(now)), ("number", number), ("kind", sample.ChangeKind), ("caller", sample.Caller),
            ("requestId", requestId), ("now", now), ("details", sample.ChangeDetails));
        await ExecuteAsync(
            transaction, AuditSql, cancellationToken,
            ("now", now), ("organizations", new[] { sample.Caller }), ("keys", new[] { sample.AuditKeyId }), ("numbers", new[] { number }),
            ("methods", new[] { sample.AuditMethod }), ("actions", new[] { sample.AuditAction }), ("peers", new[] { sample.AuditPeer }));
        await ExecuteAsync(
            transaction, CompleteSql, cancellationToken, ("response", sample.Response), ("caller", sample.Caller), ("requestId", requestId));
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
