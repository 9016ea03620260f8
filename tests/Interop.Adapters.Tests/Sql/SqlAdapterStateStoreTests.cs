using Dapper;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sql.State;
using Npgsql;

namespace Interop.Adapters.Tests.Sql;

/// <summary>The SQL adapter's state store against a real PostgreSQL: one record's outbound dead letters, as the SDK asks after every accepted change.</summary>
public sealed class SqlAdapterStateStoreTests
{
    [Fact]
    public async Task TheOutboundLettersOfARecord_OldestFirst_IncludingOneStoredBehindItsBack_WithoutInboundOnesOrOtherRecords()
    {
        await using var erp = await SqlErp.CreateAsync();
        await using var store = await SqlAdapterStateStore.OpenAsync(erp, default);
        var first = Letter("c-1", "D-000001", DeadLetterDirection.Outbound, minutes: 1);
        await store.AddDeadLetterAsync(first, default);
        await store.AddDeadLetterAsync(Letter("c-2", "D-000002", DeadLetterDirection.Outbound, minutes: 2), default);
        await store.AddDeadLetterAsync(Letter("hub-3", null, DeadLetterDirection.Inbound, minutes: 3), default);
        Assert.Equal([first.Id], (await store.ListOutboundDeadLettersAsync("D-000001", default)).Select(d => d.Id));

        // A letter written into the database by another session (no second store can open it while this one
        // holds it: a restored row, an operator's script): the store answers from the table, not from a cache.
        var later = Letter("c-4", "D-000001", DeadLetterDirection.Outbound, minutes: 4);
        await using (var otherProcess = NpgsqlDataSource.Create(erp.ConnectionString))
        await using (var connection = await otherProcess.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO interop.dead_letters (id, dead_lettered_at, body) VALUES (@id, @at, @body::jsonb)",
                new { id = later.Id, at = later.DeadLetteredAt.UtcDateTime, body = System.Text.Json.JsonSerializer.Serialize(later) });
        }

        var letters = await store.ListOutboundDeadLettersAsync("D-000001", default);
        Assert.Equal([first.Id, later.Id], letters.Select(d => d.Id));
        Assert.Equal(["c-1", "c-4"], letters.Select(d => d.ChangeId));
        Assert.Empty(await store.ListOutboundDeadLettersAsync("D-000009", default));
        Assert.True(await store.RemoveDeadLetterAsync(first.Id, default));
        Assert.Equal([later.Id], (await store.ListOutboundDeadLettersAsync("D-000001", default)).Select(d => d.Id));
    }

    [Fact]
    public async Task TheOutboundLettersOfARecord_AreReadThroughTheRecordsIndex_NotEveryLetter()
    {
        await using var erp = await SqlErp.CreateAsync();
        await using var connection = await erp.OpenConnectionAsync();
        // An operator who let letters pile up: 5,000 of other records.
        await connection.ExecuteAsync(
            """
            INSERT INTO interop.dead_letters (id, dead_lettered_at, body)
            SELECT gen_random_uuid(), now(), jsonb_build_object('Direction', 1, 'ErpRecordId', 'D-' || i, 'ChangeId', 'c-' || i)
            FROM generate_series(1, 5000) AS i;
            ANALYZE interop.dead_letters;
            """);

        var plan = string.Join('\n', await connection.QueryAsync<string>(
            "EXPLAIN " + SqlAdapterStateStore.OutboundDeadLettersOfRecord, new { record = "D-42", direction = "1" }));

        Assert.Contains("dead_letters_erp_record", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    private static DeadLetter Letter(string changeId, string? record, DeadLetterDirection direction, int minutes) => new()
    {
        Id = Guid.NewGuid(),
        Direction = direction,
        ChangeId = changeId,
        ErpRecordId = record,
        Application = direction == DeadLetterDirection.Inbound ? "applications/014-26-0000001" : null,
        Reason = "refused",
        DeadLetteredAt = DateTimeOffset.UnixEpoch.AddMinutes(minutes),
    };
}
