using Interop.Testing;

namespace Interop.NationalExchange.Tests;

/// <summary>The console entry, started as its own process against a real hub.</summary>
public sealed class ProgramTests
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "Interop.NationalExchange.dll");

    [Fact]
    public async Task Run_WithTheHubAndAFolder_PublishesTheDayAndPrintsItsReport()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-program");
        var application = await exchange.RegisterAsync();
        await FeedHead.WhenSequencedAsync(exchange.Hub.ConnectionString);

        var run = await ChildProcess.RunAsync(
            "dotnet",
            [Program, "--hub", exchange.Hub.Address.ToString(), "--out", exchange.Folder, "--date", "2026-03-10"],
            new Dictionary<string, string?> { ["INTEROP_API_KEY"] = exchange.NationalKey });

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"fileName\": \"nuu-20260310-0001.xml\"", run.Output, StringComparison.Ordinal);
        Assert.Equal([$"CRE {application.Number}"], NuuFile.Load(Path.Combine(exchange.Outbox, "nuu-20260310-0001.xml")).Lines);
    }

    [Fact]
    public async Task Run_WithABadDate_SaysWhatIsWrongAndExitsWith2()
    {
        var run = await ChildProcess.RunAsync(
            "dotnet",
            [Program, "--hub", "http://127.0.0.1:1", "--out", Path.GetTempPath(), "--date", "13/02/2027"],
            new Dictionary<string, string?> { ["INTEROP_API_KEY"] = "ik_unused" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--date: '13/02/2027' is not a date yyyy-MM-dd", run.Error, StringComparison.Ordinal);
    }
}
