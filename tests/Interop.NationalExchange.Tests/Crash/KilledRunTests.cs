using System.Diagnostics;
using Interop.Contracts.V1;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.State;
using Interop.Testing;

namespace Interop.NationalExchange.Tests.Crash;

/// <summary>
/// The job started as its own process (Interop.NationalExchange.dll) through a slow road to a real
/// hub, killed with SIGKILL in the middle of an export and of an import, then run again: nothing
/// lost, nothing doubled.
/// </summary>
public sealed class KilledRunTests
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "Interop.NationalExchange.dll");

    [Fact]
    public async Task Export_KilledInItsMiddleThenRunAgain_PublishesTheSameFileAsAnUninterruptedRunAndAcknowledgesOnce()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-kill-export");
        var applications = await RegisterManyAsync(exchange, 200);
        var day = exchange.Today;
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // The file an uninterrupted run writes, in a folder and under a subscription of its own.
        var reference = Directory.CreateTempSubdirectory("interop-exchange-reference-").FullName;
        await FeedHead.WhenSequencedAsync(exchange.Hub.ConnectionString);
        long referenceBytes;
        await using (var counting = SlowProxy.Start(exchange.Hub.Address, chunkBytes: 64 * 1024, pause: TimeSpan.Zero))
        using (var client = exchange.Client(counting.Address))
        {
            await new NationalExport(client, new ExportOptions { Directory = reference, SubscriptionId = "reference-export" }).RunAsync(day);
            referenceBytes = counting.BytesToClient;
        }

        // The road never gives the killed run more than 90 % of what the whole reference run read, so it
        // cannot finish even if the machine is slow to act on the progress line.
        await using (var proxy = SlowProxy.Start(exchange.Hub.Address, chunkBytes: 2048, pause: TimeSpan.FromMilliseconds(10), holdAfterBytes: referenceBytes * 9 / 10))
        await using (var child = Start(exchange, Arguments(exchange, proxy.Address, date)))
        {
            await WaitForProgressAsync(child, "export: 30 %");
            proxy.Hold();
            child.Kill();
            await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
            Assert.NotEqual(0, child.ExitCode);
        }

        // Killed before the rename: nothing published, nothing recorded, nothing acknowledged.
        Assert.Empty(exchange.Files());
        Assert.Empty(ExportState.Load(exchange.Folder)!.Runs);
        // The first run reads under its reader id: the export's subscription does not exist until it acknowledges.
        await Assert.ThrowsAsync<Interop.Client.NotFoundException>(exchange.HubCheckpointAsync);

        var rerun = await ChildProcess.RunAsync("dotnet", Arguments(exchange, exchange.Hub.Address, date), Key(exchange));

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var name = Assert.Single(exchange.Files());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(reference, "outbox", name)), await File.ReadAllBytesAsync(Path.Combine(exchange.Outbox, name)));
        var lines = NuuFile.Load(Path.Combine(exchange.Outbox, name)).Lines;
        Assert.Equal(applications.Select(a => "CRE " + a.Number).Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(exchange.Outbox, ".*.tmp"));
        var recorded = Assert.Single(ExportState.Load(exchange.Folder)!.Runs);
        Assert.True(recorded.Acknowledged);
        Assert.Equal(recorded.ThroughChangeSeq, await exchange.HubCheckpointAsync());
        Directory.Delete(reference, recursive: true);
    }

    [Fact]
    public async Task Import_KilledInItsMiddleThenRunAgain_RadiatesEachApplicationOnce()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-kill-import");
        var applications = await RegisterManyAsync(exchange, 60);
        var national = exchange.Simulator();
        var day = exchange.Today;
        var export = await exchange.ExportAsync(day);
        foreach (var application in applications)
        {
            national.RadiateElsewhere(application.Number, "RADATT", day);
        }

        // Lines 1–60 acknowledge the creations, 61–120 radiate (two calls each through the slow road).
        var returned = national.Process(Path.Combine(exchange.Outbox, export.FileName), exchange.Inbox);
        await using (var proxy = SlowProxy.Start(exchange.Hub.Address, chunkBytes: 256, pause: TimeSpan.FromMilliseconds(5)))
        await using (var child = Start(exchange, Arguments(exchange, proxy.Address, returnFile: returned)))
        {
            await WaitForProgressAsync(child, "import: 75 %");
            proxy.Hold();
            child.Kill();
            await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
            Assert.NotEqual(0, child.ExitCode);
        }

        var radiatedBeforeTheKill = (await exchange.RegistrarFeedAsync()).Count(c => c.Kind == ChangeKind.Radiated);
        Assert.InRange(radiatedBeforeTheKill, 1, applications.Count - 1);
        Assert.False(File.Exists(Path.Combine(exchange.Folder, "import-state.json")));

        var rerun = await ChildProcess.RunAsync("dotnet", Arguments(exchange, exchange.Hub.Address, returnFile: returned), Key(exchange));

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains($"\"radiatedHere\": {applications.Count - radiatedBeforeTheKill},", rerun.Output, StringComparison.Ordinal);
        Assert.Contains($"\"radiationsAlreadyApplied\": {radiatedBeforeTheKill},", rerun.Output, StringComparison.Ordinal);
        var radiations = (await exchange.RegistrarFeedAsync()).Where(c => c.Kind == ChangeKind.Radiated).Select(c => c.Application).Order(StringComparer.Ordinal);
        Assert.Equal(applications.Select(a => a.Name).Order(StringComparer.Ordinal), radiations);
        foreach (var application in applications.Take(10))
        {
            var now = await exchange.Registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name });
            Assert.Equal((ApplicationStatus.Radiated, 2L), (now.Status, now.Revision));
        }
    }

    private static async Task<List<Application>> RegisterManyAsync(ExchangeHub exchange, int count)
    {
        var applications = new List<Application>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(8))
        {
            applications.AddRange(await Task.WhenAll(batch.Select(_ => exchange.RegisterAsync("14118"))));
        }

        return applications;
    }

    private static ChildProcess Start(ExchangeHub exchange, string[] arguments) => ChildProcess.Start("dotnet", arguments, Key(exchange));

    /// <summary>The job's export (<c>--date</c>), or its import of a return file.</summary>
    private static string[] Arguments(ExchangeHub exchange, Uri hub, string? date = null, string? returnFile = null) =>
        returnFile is null
            ? [Program, "--hub", hub.ToString(), "--out", exchange.Folder, "--date", date!]
            : [Program, "import", "--hub", hub.ToString(), "--out", exchange.Folder, returnFile];

    private static Dictionary<string, string?> Key(ExchangeHub exchange) => new() { ["INTEROP_API_KEY"] = exchange.NationalKey };

    /// <summary>Waits for a progress line on standard error (plain lines: it is not a terminal).</summary>
    private static async Task WaitForProgressAsync(ChildProcess child, string prefix)
    {
        var waited = Stopwatch.StartNew();
        while (!child.Error.Split('\n').Any(l => l.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The job ended (exit {child.ExitCode}) before '{prefix}':\n{child.Combined}");
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"No '{prefix}' within 120 s:\n{child.Combined}");
            }

            await Task.Delay(20);
        }
    }
}
