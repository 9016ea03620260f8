using System.Diagnostics;
using Interop.Hub.Storage;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Jobs;

/// <summary>
/// Two replicas on one database, one of them with its clock six hours ahead: the job leases go
/// by the database's clock, so the skewed replica neither takes over a live lease nor keeps one
/// from the others for hours.
/// </summary>
public sealed class JobLeaseClockTests
{
    private const string RanTemplate = "The periodic job {Job} ran on this replica";
    private const string NotDueTemplate = "The periodic job {Job} is not due on this replica: another replica ran it within the interval";

    // The hub's periodic jobs (PeriodicJobs); a job added later is simply not looked at here.
    private static readonly string[] Jobs = ["renewal", "inadmissibility", "erasure", "idempotency-pruning", "feed-pruning", "cotation-refresh"];

    private static readonly TimeSpan Skew = TimeSpan.FromHours(6);

    [Fact]
    public async Task AReplicaWithItsClockHoursAhead_DoesNotTakeOverALiveLease()
    {
        var interval = TimeSpan.FromHours(1);
        await using var holder = await HubHost.StartAsync("leaselive", start: DateTimeOffset.UtcNow, settings: JobSettings(interval));
        await WhenAsync(() => Jobs.All(job => Logged(holder, RanTemplate, job) == 1), "the first replica did not run every job at its start");
        var before = await LeasesAsync(holder.ConnectionString);
        Assert.All(before, lease => Assert.Equal(InstanceId(holder), lease.Holder));

        await using var skewed = await HubHost.StartAsync(
            "leaselive", start: DateTimeOffset.UtcNow + Skew, settings: JobSettings(interval), database: holder.ConnectionString);
        await WhenAsync(() => Jobs.All(job => Logged(skewed, NotDueTemplate, job) == 1), "the skewed replica did not try every job at its start");

        // Its next tick, an interval later by its own clock: seven hours past the lease's start by that clock.
        skewed.Clock.Advance(interval);
        await WhenAsync(() => Jobs.All(job => Logged(skewed, NotDueTemplate, job) == 2), "the skewed replica did not try every job at its tick");

        Assert.Equal(before, await LeasesAsync(holder.ConnectionString));
        Assert.All(Jobs, job => Assert.Equal(0, Logged(skewed, RanTemplate, job)));
    }

    [Fact]
    public async Task ALeaseTakenByAReplicaWithItsClockHoursAhead_FallsDueByTheDatabasesClock()
    {
        var interval = TimeSpan.FromSeconds(2);
        string database;
        await using (var skewed = await HubHost.StartAsync("leasedue", start: DateTimeOffset.UtcNow + Skew, settings: JobSettings(interval)))
        {
            await WhenAsync(() => Jobs.All(job => Logged(skewed, RanTemplate, job) == 1), "the skewed replica did not run every job at its start");
            database = skewed.ConnectionString;
        }

        // The skewed holder is gone; the other replica, on the machine's clock, ticks every two seconds.
        // Counted from the moment it runs: its start on a loaded machine is not the leases' doing, and a
        // lease due by the skewed clock would hold for six hours, far beyond the bound.
        await using var other = await HubHost.StartAsync(
            "leasedue", settings: JobSettings(interval), database: database, services: services => services.AddSingleton(TimeProvider.System));
        var started = Stopwatch.StartNew();
        await WhenAsync(() => Jobs.All(job => Logged(other, RanTemplate, job) >= 1), "the other replica never took the jobs over");

        Assert.All(await LeasesAsync(database), lease => Assert.Equal(InstanceId(other), lease.Holder));
        Assert.True(started.Elapsed < TimeSpan.FromMinutes(1), $"the jobs were taken over after {started.Elapsed}");
    }

    private static Dictionary<string, string> JobSettings(TimeSpan interval) => new()
    {
        ["Interop:RunJobs"] = "true",
        ["Interop:RenewalJobInterval"] = interval.ToString(),
        ["Serilog:MinimumLevel:Override:Interop.Hub.Jobs.PeriodicJobs"] = "Debug",
    };

    private static string InstanceId(HubHost hub) => hub.Services.GetRequiredService<RegistryDatabase>().InstanceId;

    private static int Logged(HubHost hub, string template, string job) =>
        hub.Logs.Events.Count(e => e.Template == template && e.Text.Contains($"\"{job}\"", StringComparison.Ordinal));

    private static async Task<IReadOnlyList<(string Job, string Holder, DateTime DueAt)>> LeasesAsync(string connectionString) =>
        await new DatabaseProbe(connectionString).QueryAsync<(string, string, DateTime)>(
            "SELECT job, holder, due_at FROM job_leases WHERE job = ANY(@jobs) ORDER BY job", new { jobs = Jobs });

    // Generous: the jobs run in the background of a hub on a loaded machine.
    private static async Task WhenAsync(Func<bool> condition, string failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), failure);
            await Task.Delay(50);
        }
    }
}
