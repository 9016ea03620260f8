using Interop.NationalExchange.Daily;
using Interop.Testing;

namespace Interop.NationalExchange.Tests.Daily;

/// <summary>The hosted worker over a real hub, on the hub's fake clock: nothing before the time of day, the day's run at it.</summary>
public sealed class ExchangeWorkerTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Worker_AtItsTimeOfDay_ImportsTheInboxExportsTheDayAndReconciles()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-worker");
        var application = await exchange.RegisterAsync();
        await FeedHead.WhenSequencedAsync(exchange.Hub.ConnectionString);
        var clock = exchange.Hub.Clock;
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris);
        using var client = exchange.Client();
        var options = new ExchangeOptions { Directory = exchange.Folder, RunAt = TimeOnly.FromDateTime(local.DateTime).AddHours(1), TimeZone = Paris };
        var watched = new TimerWatchingClock(clock);
        using var worker = new ExchangeWorker(client, options, watched);
        var completed = new TaskCompletionSource<ExchangeRunReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Completed += report => completed.TrySetResult(report);

        await worker.StartAsync(CancellationToken.None);

        // The worker's wait for its time of day is registered on the clock: from then on nothing runs
        // until the clock moves, and the advance below reaches that wait.
        var wait = await watched.FirstTimer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.InRange(wait, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        Assert.False(completed.Task.IsCompleted);
        Assert.False(Directory.Exists(exchange.Outbox) && exchange.Files().Length > 0);

        clock.Advance(TimeSpan.FromMinutes(61));
        var ran = await completed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(DateOnly.FromDateTime(local.DateTime), ran.Date);
        Assert.Equal([$"CRE {application.Number}"], NuuFile.Load(Path.Combine(exchange.Outbox, ran.Export!.FileName)).Lines);
        Assert.True(File.Exists(ran.Reconciliation.CsvPath));
        Assert.Equal(1, ran.Reconciliation.HubOnly);
    }
}
