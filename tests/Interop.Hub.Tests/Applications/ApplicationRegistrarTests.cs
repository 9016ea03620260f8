using Interop.Hub.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Access;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Hub.Tests.Applications;

/// <summary>
/// The registrar writes inside its caller's transaction, and every read of its
/// duplicate check runs in that transaction: it sees what the transaction wrote
/// before, and a rollback leaves nothing behind.
/// </summary>
public sealed class ApplicationRegistrarTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("registrar");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task RegisterAsync_SameHouseholdTwiceInOneTransaction_SecondIsRefusedAndRollbackLeavesNothing()
    {
        var registrar = hub.Services.GetRequiredService<ApplicationRegistrar>();
        var violations = new Violations();
        var household = ApplicationMapper.HouseholdOf(TestApplications.Valid(), "application", violations);
        violations.ThrowIfAny();
        var now = hub.Clock.GetUtcNow();

        await using (var connection = await hub.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var caller = (await hub.Services.GetRequiredService<OrganizationStore>().GetAsync(transaction, "test-registrar", CancellationToken.None))!;
            var registration = new NewRegistration("14", caller.RegisteringDesks[0], household, ChangeAuthor.Job("hub:test"), caller);

            var first = await registrar.RegisterAsync(transaction, registration, now, CancellationToken.None);
            var refusal = await Assert.ThrowsAsync<DuplicateApplicationException>(
                () => registrar.RegisterAsync(transaction, registration, now, CancellationToken.None));

            Assert.Equal([first.Application.Number], refusal.ExistingNumbers);
            await transaction.RollbackAsync();
        }

        var counts = await new DatabaseProbe(hub.ConnectionString).CountAsync();
        Assert.Equal((0, 0, 0), (counts.Applications, counts.Changes, counts.Counters));
        Assert.Equal(0, (await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>("SELECT count(*) FROM identity_keys")).Single());
    }
}
