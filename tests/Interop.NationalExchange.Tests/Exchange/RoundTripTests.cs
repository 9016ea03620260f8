using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.NationalExchange.Reconciliation;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Tests.Exchange;

/// <summary>A day of changes exported, answered by the simulated national registry, imported and reconciled, over a real hub.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public async Task RoundTrip_ADayExportedAndAnswered_AcknowledgesRecordsTheRejectionAndDeliversTheOutsideRadiation()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-roundtrip");
        var accepted = await exchange.RegisterAsync("14118");
        var attributedElsewhere = await exchange.RegisterAsync("14118");
        var badCommune = await exchange.RegisterAsync("14118", "14327");
        var national = exchange.Simulator("14118");
        var day = exchange.Today;

        var export = await exchange.ExportAsync(day);
        national.RadiateElsewhere(attributedElsewhere.Number, "RADATT", day);
        var returned = national.Process(Path.Combine(exchange.Outbox, export.FileName), exchange.Inbox);
        Assert.Empty(ReturnSchema.ValidateFile(returned));
        // The README's example return file is this one, when asked for.
        if (Environment.GetEnvironmentVariable("INTEROP_EXCHANGE_RETURN_EXAMPLE") is { Length: > 0 } example)
        {
            File.Copy(returned, example, overwrite: true);
        }

        var import = await exchange.ImportAsync(returned);

        Assert.Equal((2, 1, 1, 0), (import.Acknowledged, import.Rejected, import.RadiatedHere, import.Resolved));
        Assert.Empty(import.Issues);

        // The rejection is visible to the registering landlord, against its application.
        var rejection = Assert.Single((await exchange.RegistrarNational.ListNationalRejectionsAsync(
            new ListNationalRejectionsRequest { Parent = badCommune.Name })).NationalRejections);
        Assert.Equal(("CRE", "COM01", 1L, export.FileName, NationalRejectionState.Open), (rejection.NationalType, rejection.ControlCode, rejection.RejectedRevision, rejection.ExportFile, rejection.State));
        Assert.Contains("14327", rejection.Message, StringComparison.Ordinal);
        Assert.Empty((await exchange.RegistrarNational.ListNationalRejectionsAsync(new ListNationalRejectionsRequest { Parent = accepted.Name })).NationalRejections);

        // The outside radiation reached the landlord's ERP through the feed, with its reason.
        var radiated = Assert.Single(await exchange.RegistrarFeedAsync(), c => c.Kind == ChangeKind.Radiated);
        Assert.Equal((attributedElsewhere.Name, "organizations/national-exchange", RadiationReason.Attribution, 2L),
            (radiated.Application, radiated.Actor, radiated.ApplicationState.Radiation.Reason, radiated.Revision));

        var firstReconciliation = await new Reconciler(exchange.Client(), exchange.Folder).RunAsync(day);
        Assert.Equal((1, 0, 0, 1), (firstReconciliation.HubOnly, firstReconciliation.NationalOnly, firstReconciliation.StatusMismatches, firstReconciliation.RejectedOpen));
        var csv = await File.ReadAllLinesAsync(firstReconciliation.CsvPath);
        Assert.Equal("category,number,hub_status,national_status,detail", csv[0]);
        Assert.Contains(csv, l => l.StartsWith($"hub-only,{badCommune.Number},ACT,,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith($"rejected-open,{badCommune.Number},", StringComparison.Ordinal) && l.Contains("COM01", StringComparison.Ordinal));
        Assert.Contains("rejected lines still open:    1", await File.ReadAllTextAsync(firstReconciliation.SummaryPath), StringComparison.Ordinal);

        // The landlord corrects the commune; the next export sends the application as a creation
        // again (the national side never took it), which is acknowledged and closes the rejection.
        badCommune.Wishes.CommuneCodes.Remove("14327");
        await exchange.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = badCommune,
            UpdateMask = new FieldMask { Paths = { "wishes" } },
            ExpectedRevision = 1,
        });
        var next = await exchange.ExportAsync(day.AddDays(1));
        Assert.Equal([$"CRE {badCommune.Number}"], NuuFile.Load(Path.Combine(exchange.Outbox, next.FileName)).Lines);
        var secondImport = await exchange.ImportAsync(national.Process(Path.Combine(exchange.Outbox, next.FileName), exchange.Inbox));

        Assert.Equal((1, 0, 1), (secondImport.Acknowledged, secondImport.Rejected, secondImport.Resolved));
        var resolved = Assert.Single((await exchange.RegistrarNational.ListNationalRejectionsAsync(
            new ListNationalRejectionsRequest { Parent = badCommune.Name, IncludeResolved = true })).NationalRejections);
        Assert.Equal((NationalRejectionState.Resolved, 2L), (resolved.State, resolved.ResolvedRevision));
        var reconciled = await new Reconciler(exchange.Client(), exchange.Folder).RunAsync(day.AddDays(1));
        Assert.Equal((0, 0, 0, 0), (reconciled.HubOnly, reconciled.NationalOnly, reconciled.StatusMismatches, reconciled.RejectedOpen));
    }

    [Fact]
    public async Task RoundTrip_TheSameDayRunTwice_GivesIdenticalFilesAndChangesNothingTwice()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-twice");
        var a = await exchange.RegisterAsync("14118");
        var b = await exchange.RegisterAsync("14118");
        var national = exchange.Simulator();
        var day = exchange.Today;
        var export = await exchange.ExportAsync(day);
        national.RadiateElsewhere(b.Number, "RADABA", day);
        var returned = national.Process(Path.Combine(exchange.Outbox, export.FileName), exchange.Inbox);
        var first = await exchange.ImportAsync(returned);
        var returnedBytes = await File.ReadAllBytesAsync(returned);

        var again = await exchange.ExportAsync(day);
        var returnedAgain = national.Process(Path.Combine(exchange.Outbox, again.FileName), exchange.Inbox);
        var second = await exchange.ImportAsync(returnedAgain);
        // Without the import's own record of the file, the request ids alone keep it from applying twice.
        File.Delete(Path.Combine(exchange.Folder, "import-state.json"));
        var third = await exchange.ImportAsync(returnedAgain);

        Assert.True(again.Replayed);
        Assert.Equal((export.FileName, export.Sha256), (again.FileName, again.Sha256));
        Assert.Equal(returned, returnedAgain);
        Assert.Equal(returnedBytes, await File.ReadAllBytesAsync(returnedAgain));
        Assert.Equal((2, 1), (first.Acknowledged, first.RadiatedHere));
        Assert.True(second.AlreadyImported);
        Assert.Equal((0, 1), (third.RadiatedHere, third.RadiationsAlreadyApplied));
        var feed = await exchange.RegistrarFeedAsync();
        Assert.Single(feed, c => c.Kind == ChangeKind.Radiated);
        Assert.Equal(2, (await exchange.Registry.GetApplicationAsync(new GetApplicationRequest { Name = b.Name })).Revision);
        Assert.Equal(1, (await exchange.Registry.GetApplicationAsync(new GetApplicationRequest { Name = a.Name })).Revision);
    }

    [Fact]
    public async Task Import_CrashedAfterTwoLinesThenRerun_LosesNothingAndDoublesNothing()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-crash");
        var applications = new List<Application>();
        for (var i = 0; i < 5; i++)
        {
            applications.Add(await exchange.RegisterAsync("14118"));
        }

        var national = exchange.Simulator();
        var day = exchange.Today;
        var export = await exchange.ExportAsync(day);
        foreach (var application in applications)
        {
            national.RadiateElsewhere(application.Number, "RADATT", day);
        }

        var returned = national.Process(Path.Combine(exchange.Outbox, export.FileName), exchange.Inbox);

        // Lines 1–5 acknowledge the creations, 6–10 radiate: the crash comes after two radiations.
        await Assert.ThrowsAsync<IOException>(() => exchange.ImportAsync(returned, position =>
            position == 7 ? throw new IOException("killed in the middle of the import") : Task.CompletedTask));
        var rerun = await exchange.ImportAsync(returned);

        Assert.Equal((5, 3, 2), (rerun.Acknowledged, rerun.RadiatedHere, rerun.RadiationsAlreadyApplied));
        var radiations = (await exchange.RegistrarFeedAsync()).Where(c => c.Kind == ChangeKind.Radiated).Select(c => c.Application).Order().ToList();
        Assert.Equal(applications.Select(a => a.Name).Order(), radiations);
        foreach (var application in applications)
        {
            var now = await exchange.Registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name });
            Assert.Equal((ApplicationStatus.Radiated, 2L), (now.Status, now.Revision));
        }
    }
}
