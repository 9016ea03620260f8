using Dapper;
using Npgsql;

namespace Interop.Testing;

/// <summary>The feed's head once every committed change has its change_seq.</summary>
public static class FeedHead
{
    public static async Task<long> WhenSequencedAsync(string connectionString, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        await using var connection = new NpgsqlConnection(connectionString);
        while (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM changes WHERE change_seq IS NULL") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Changes stayed unsequenced.");
            }

            await Task.Delay(20);
        }

        return await connection.ExecuteScalarAsync<long>("SELECT last_seq FROM feed_state");
    }
}
