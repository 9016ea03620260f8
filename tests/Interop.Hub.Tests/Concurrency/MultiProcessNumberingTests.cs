using Interop.Client;
using System.Collections.Concurrent;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Hub.Core.Numbering;
using Interop.Testing;

namespace Interop.Hub.Tests.Concurrency;

/// <summary>
/// Two hub processes started together on one database (so their migrations
/// race too), many concurrent clients spread over both, thousands of
/// registrations: no number is minted twice, and every counter is dense — the
/// only values not minted are those an import took.
/// </summary>
public sealed class MultiProcessNumberingTests
{
    private const int Clients = 12;
    private const int RegistrationsPerClient = 200;
    private static readonly string[] Desks = ["M0001", "M0002", "M0003"];

    [Fact]
    public async Task TwoHubProcesses_ConcurrentRegistrationsAndImports_MintEveryNumberOnceWithoutHoles()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("multiprocess");
        // Numbering under contention, not the rate budget: two replicas share one organisation's budget
        // (each allows half of it), which this burst of writes would exceed.
        var unlimited = new Dictionary<string, string> { ["Interop__RateLimitPerSecond"] = "100000", ["Interop__RateLimitBurst"] = "100000" };
        var hubs = await Task.WhenAll(ExternalHubProcess.StartAsync(connectionString, unlimited), ExternalHubProcess.StartAsync(connectionString, unlimited));
        await using var first = hubs[0];
        await using var second = hubs[1];
        using var channelA = GrpcChannel.ForAddress(first.Address);
        using var channelB = GrpcChannel.ForAddress(second.Address);
        var token = await HubAccess.IssueKeyAsync(channelA, TestOrganizations.Of(
            "multi-desk-landlord", OrganizationKind.Landlord, stock: ["14118"], desks: Desks));
        var registries = new[]
        {
            new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channelA, token)),
            new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channelB, token)),
        };
        var importers = new[]
        {
            new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channelA, HubAccess.BootstrapKey)),
            new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channelB, HubAccess.BootstrapKey)),
        };
        var minted = new ConcurrentBag<string>();
        var imported = new ConcurrentBag<string>();

        var month = DateOnly.FromDateTime(DateTime.UtcNow);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var registry = registries[client % 2];
            for (var i = 0; i < RegistrationsPerClient; i++)
            {
                var desk = Desks[(client + i) % Desks.Length];
                if (client == 0 && i % 50 == 25)
                {
                    // An import far ahead of the counter: the counter must jump past it.
                    var number = ApplicationNumber.Mint("14", Interop.Hub.Core.Time.FrenchCalendar.Today(TimeProvider.System), desk, 20000 * ((i / 50) + 1));
                    var application = TestApplications.Valid();
                    application.Number = number;
                    application.RegisteringDesk = desk;
                    application.FiledDate = new Google.Type.Date { Year = month.Year, Month = month.Month, Day = 1 };
                    await importers[client % 2].ImportApplicationAsync(new ImportApplicationRequest { RequestId = Guid.NewGuid().ToString(), Application = application });
                    imported.Add(number);
                    continue;
                }

                var created = await registry.CreateApplicationAsync(TestApplications.Create(desk));
                minted.Add(created.Application.Number);
            }
        })));

        Assert.Equal(minted.Count, minted.Distinct().Count());
        Assert.Empty(minted.Intersect(imported));
        var stored = await new DatabaseProbe(connectionString).QueryAsync<string>("SELECT number FROM applications");
        Assert.Equal(minted.Count + imported.Count, stored.Count);

        // Counters run per desk and month (a run across midnight at a month's end starts a new one).
        var series = minted.Concat(imported).Select(Parse).Select(p => (p.DeskCode, p.Year, p.Month)).Distinct();
        foreach (var (desk, year, monthOfYear) in series)
        {
            var counters = Counters(minted, desk, year, monthOfYear);
            var taken = Counters(imported, desk, year, monthOfYear);
            var values = counters.Concat(taken).Order().ToList();

            // Walking the desk's values in order, the counter starts at 1 and
            // only ever skips to a value an import took.
            Assert.True(values[0] == 1 || taken.Contains(values[0]), $"{desk} starts at {values[0]}");
            for (var k = 1; k < values.Count; k++)
            {
                Assert.True(values[k] > values[k - 1], $"{desk}: value {values[k]} appears twice");
                Assert.True(values[k] == values[k - 1] + 1 || taken.Contains(values[k]), $"{desk}: hole before {values[k]} not made by an import");
            }
        }
    }

    private static StructuredNumber Parse(string number) =>
        ApplicationNumber.TryParseStructured(number, out var parts) ? parts : throw new FormatException($"{number} is not a minted number.");

    private static List<int> Counters(IEnumerable<string> numbers, string desk, int year, int month) =>
        numbers.Select(Parse).Where(p => p.DeskCode == desk && p.Year == year && p.Month == month).Select(p => p.Counter).ToList();
}
