using Interop.Testing;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// Puts a large backlog in the feed quickly: <paramref name="count"/> more
/// changes of an existing application, written straight into the event log
/// as the hub's writers write them (one transaction), then sequenced by the
/// hub. Creating tens of thousands of applications through the API would take
/// minutes; the feed reads these rows exactly as it reads the others.
/// </summary>
internal static class FeedBacklog
{
    public static async Task<long> AddAsync(string connectionString, string applicationNumber, string actor, int count)
    {
        await new DatabaseProbe(connectionString).QueryAsync<long>(
            """
            WITH added AS (
                INSERT INTO changes (change_id, application_number, revision, kind, actor, occurred_at,
                                     departement, registering_desk, wished_communes)
                SELECT gen_random_uuid(), a.number, last.revision + g, 'updated', @actor, now(),
                       a.departement, a.registering_desk, a.wished_communes
                FROM applications a
                CROSS JOIN LATERAL (SELECT max(revision) AS revision FROM changes WHERE application_number = a.number) last
                CROSS JOIN generate_series(1, @count) g
                WHERE a.number = @applicationNumber
                RETURNING 1)
            SELECT count(*) FROM added
            """,
            new { applicationNumber, actor, count });
        return await FeedHead.WhenSequencedAsync(connectionString, TimeSpan.FromSeconds(120));
    }
}
