using Interop.Contracts.V1;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Tests.Exchange;

/// <summary>DALO decisions taken on the national side, carried by a return file, applied to a real hub and delivered through the feed.</summary>
public sealed class DaloDecisionTests
{
    [Fact]
    public async Task Import_SeededDaloDecisions_ReachTheLandlordsFeedOnce_AndTheFileAppliedAgainChangesNothing()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-dalo");
        var applications = new List<Application>();
        for (var i = 0; i < 6; i++)
        {
            applications.Add(await exchange.RegisterAsync("14118"));
        }

        var national = exchange.Simulator();
        var day = exchange.Today;
        var export = await exchange.ExportAsync(day);
        Assert.Empty(national.Registry.PendingDaloDecisions);
        // The simulator takes its answers for the creations first, then draws among what it holds.
        var firstReturn = national.Process(Path.Combine(exchange.Outbox, export.FileName), exchange.Inbox);
        await exchange.ImportAsync(firstReturn);
        var recognised = national.DecideDaloSeeded(seed: 11, share: 0.5, day);
        var lapsed = applications.First(a => !recognised.Contains(a.Number));
        national.DecideDalo(lapsed.Number, "CADUC", day);
        var emptyExport = await exchange.ExportAsync(day.AddDays(1));
        var returned = national.Process(Path.Combine(exchange.Outbox, emptyExport.FileName), exchange.Inbox);
        Assert.Empty(ReturnSchema.ValidateFile(returned));
        // The README's example of DALO decisions is this file, when asked for.
        if (Environment.GetEnvironmentVariable("INTEROP_EXCHANGE_DALO_EXAMPLE") is { Length: > 0 } example)
        {
            File.Copy(returned, example, overwrite: true);
        }
        Assert.NotEmpty(recognised);

        var import = await exchange.ImportAsync(returned);
        File.Delete(Path.Combine(exchange.Folder, "import-state.json"));
        var again = await exchange.ImportAsync(returned);

        Assert.Empty(import.Issues);
        Assert.Equal((recognised.Count + 1, 0), (import.DaloDecisionsApplied, import.DaloDecisionsAlreadyApplied));
        Assert.Equal((0, recognised.Count + 1), (again.DaloDecisionsApplied, again.DaloDecisionsAlreadyApplied));
        var decided = (await exchange.RegistrarFeedAsync())
            .Where(c => c.Kind == ChangeKind.Updated && c.Actor == "organizations/national-exchange")
            .ToList();
        Assert.Equal(
            recognised.Select(n => (n, DaloStatus.Active)).Append((lapsed.Number, DaloStatus.Lapsed)).Order(),
            decided.Select(c => (c.ApplicationState.Number, c.ApplicationState.Priority.DaloStatus)).Order());
        foreach (var application in applications)
        {
            var now = await exchange.Registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name });
            var expected = recognised.Contains(application.Number) ? (DaloStatus.Active, 2L)
                : application == lapsed ? (DaloStatus.Lapsed, 2L)
                : (DaloStatus.Unspecified, 1L);
            Assert.Equal(expected, (now.Priority?.DaloStatus ?? DaloStatus.Unspecified, now.Revision));
        }
    }
}
