using Interop.Contracts.V1;
using Interop.NationalExchange.Export;

namespace Interop.NationalExchange.Tests.Export;

/// <summary>Radiations and reactivations through the export, against a real hub.</summary>
public sealed class RadiationExportTests
{
    private static readonly DateOnly Day = new(2026, 5, 10);

    [Fact]
    public async Task Export_ANoAnswerRadiationThenItsReactivation_GoAsRadconThenAnEmptyReason_AndBothTheSameDayReportTheLostReason()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-radiation");
        var kept = await exchange.RegisterAsync();
        var flipped = await exchange.RegisterAsync();
        exchange.Hub.Clock.Advance(TimeSpan.FromDays(60));
        await RadiateForNoAnswerAsync(exchange, kept);

        var first = await exchange.ExportAsync(Day);

        Assert.Equal(
            [$"CRE {kept.Number}", $"CRE {flipped.Number}", $"RAD {kept.Number} motif=RADCON"],
            NuuFile.Load(Path.Combine(exchange.Outbox, first.FileName)).Lines);

        await ReactivateAsync(exchange, kept, revision: 2);
        await RadiateForNoAnswerAsync(exchange, flipped);
        await ReactivateAsync(exchange, flipped, revision: 2);

        var second = await exchange.ExportAsync(Day.AddDays(1));

        // The feed gives the state at delivery: the radiation of an application already
        // reactivated no longer says why, so it is reported rather than sent with a guess.
        Assert.Equal(
            [$"RAD {kept.Number} motif=", $"RAD {flipped.Number} motif="],
            NuuFile.Load(Path.Combine(exchange.Outbox, second.FileName)).Lines);
        var skip = Assert.Single(second.Skipped);
        Assert.Equal((flipped.Name, "CHANGE_KIND_RADIATED", ExportSkip.NotExpressible), (skip.Application, skip.Kind, skip.Category));
        Assert.Contains("no longer radiated", skip.Reason, StringComparison.Ordinal);
        Assert.Contains("\"not-expressible\"", await File.ReadAllTextAsync(Path.Combine(exchange.Outbox, second.FileName + ".report.json")), StringComparison.Ordinal);
    }

    private static Task RadiateForNoAnswerAsync(ExchangeHub exchange, Application application) =>
        exchange.Registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = application.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.NoAnswer,
            WarningLetterDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 15 },
        }).ResponseAsync;

    private static Task ReactivateAsync(ExchangeHub exchange, Application application, long revision) =>
        exchange.Registry.ReactivateApplicationAsync(new ReactivateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = application.Name,
            ExpectedRevision = revision,
        }).ResponseAsync;
}
