using Dapper;
using Interop.Adapters.Sdk.CommandLine;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sql.Hosting;
using Interop.Adapters.Sql.State;
using Npgsql;

namespace Interop.Adapters.Tests.Sql;

/// <summary>One SQL adapter per ERP database, held by a session-level advisory lock, against a real PostgreSQL.</summary>
public sealed class SqlAdapterStateStoreLockTests
{
    private const string HolderName = "Interop.Adapters.Sql pid ";

    [Fact]
    public async Task ASecondStoreOnTheSameDatabase_IsRefusedNamingTheDatabaseAndTheHolder_AndOpensOnceTheFirstIsDisposed()
    {
        await using var erp = await SqlErp.CreateAsync();
        // Another adapter process: its own pool, so its own database sessions.
        await using var otherProcess = NpgsqlDataSource.Create(erp.ConnectionString);
        var database = new NpgsqlConnectionStringBuilder(erp.ConnectionString).Database!;
        var first = await SqlAdapterStateStore.OpenAsync(erp, default);
        await first.SetOutboundMarkerAsync("12", default);

        var refusal = await Assert.ThrowsAsync<AdapterStateInUseException>(() => SqlAdapterStateStore.OpenAsync(otherProcess, default));

        Assert.Contains($"The adapter state in database '{database}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("is in use by another adapter process: '" + HolderName + Environment.ProcessId, refusal.Message, StringComparison.Ordinal);
        await first.SetOutboundMarkerAsync("13", default);

        await first.DisposeAsync();
        await using var second = await SqlAdapterStateStore.OpenAsync(otherProcess, default);
        Assert.Equal("13", await second.GetOutboundMarkerAsync(default));
        await second.SetOutboundMarkerAsync("14", default);
    }

    [Fact]
    public async Task TheAdapter_StartedOnADatabaseAnotherAdapterHolds_ExitsWithCode3AndTheMessage_NotAStackTrace()
    {
        await using var erp = await SqlErp.CreateAsync();
        await using var held = await SqlAdapterStateStore.OpenAsync(erp, default);
        var error = new StringWriter();

        var code = await SqlCommandLine.RunAsync(
            ["--hub", "http://127.0.0.1:9", "--api-key", "ik_test_lock", "--organization", "bailleur-sql", "--erp", erp.ConnectionString], error);

        Assert.Equal(AdapterCommandLine.StateInUse, code);
        var message = error.ToString().Trim();
        Assert.Contains("is in use by another adapter process: '" + HolderName, message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDeadLettersVerb_IsRefusedWhileAnAdapterHoldsTheDatabase_ThenRunsAndReleasesTheStateWhenDone()
    {
        await using var erp = await SqlErp.CreateAsync();
        string[] list = ["dead-letters", "list", "--hub", "http://127.0.0.1:9", "--api-key", "ik_test_lock", "--organization", "bailleur-sql", "--erp", erp.ConnectionString];
        var held = await SqlAdapterStateStore.OpenAsync(erp, default);
        var error = new StringWriter();

        Assert.Equal(AdapterCommandLine.StateInUse, await SqlCommandLine.RunAsync(list, error));
        Assert.Contains("is in use by another adapter process: '" + HolderName + Environment.ProcessId, error.ToString(), StringComparison.Ordinal);

        await held.DisposeAsync();
        var done = new StringWriter();
        Assert.True(await SqlCommandLine.RunAsync(list, done) == 0, done.ToString());

        // The verb's host released the state as it ended: the adapter (here a store) opens it at once.
        await using var next = await SqlAdapterStateStore.OpenAsync(erp, default);
        Assert.Null(await next.GetOutboundMarkerAsync(default));
    }

    [Fact]
    public async Task ALostLockSession_LeavesNoLockBehind_AndTheStoreThatLostIt_RefusesToWriteWhileAnotherHoldsIt_ThenTakesItBack()
    {
        await using var erp = await SqlErp.CreateAsync();
        await using var otherProcess = NpgsqlDataSource.Create(erp.ConnectionString);
        // Checked before every write here; 5 s in production.
        await using var first = await SqlAdapterStateStore.OpenAsync(erp, TimeProvider.System, TimeSpan.Zero, default);
        await first.SetOutboundMarkerAsync("1", default);

        // The server restarted, or the network cut the session: here, its backend terminated.
        await using (var admin = await otherProcess.OpenConnectionAsync())
        {
            var terminated = await admin.ExecuteScalarAsync<bool>(
                """
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid::bigint = @space AND objid::bigint = @key AND objsubid = 2
                """,
                new { space = SqlStateLock.KeySpace, key = SqlStateLock.StateKey });
            Assert.True(terminated);
        }

        // The lock died with its session (the backend's exit takes a moment): another process gets the state.
        SqlAdapterStateStore? second = null;
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    second = await SqlAdapterStateStore.OpenAsync(otherProcess, default);
                    return true;
                }
                catch (AdapterStateInUseException)
                {
                    return false;
                }
            },
            "the terminated session's lock released");
        await second!.SetOutboundMarkerAsync("2", default);

        var lost = await Assert.ThrowsAsync<AdapterStateInUseException>(async () => await first.SetOutboundMarkerAsync("99", default));
        Assert.Contains("was lost by this adapter", lost.Message, StringComparison.Ordinal);
        Assert.Equal("2", await second.GetOutboundMarkerAsync(default));

        // Once the other one stopped, the first takes its state back at its next write.
        await second.DisposeAsync();
        await first.SetOutboundMarkerAsync("3", default);
        Assert.Equal("3", await first.GetOutboundMarkerAsync(default));
        await Assert.ThrowsAsync<AdapterStateInUseException>(() => SqlAdapterStateStore.OpenAsync(otherProcess, default));
    }
}
