using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.NationalExchange.Schema;
using Interop.Testing;

namespace Interop.NationalExchange.Tests.Export;

/// <summary>The daily export against a real hub: a day of changes, the same day again, the next day, a crash before the acknowledgement.</summary>
public sealed class NationalExportTests
{
    private static readonly DateOnly Day = new(2027, 2, 13);

    [Fact]
    public async Task Export_ADayOfChanges_WritesOneValidDemandePerChangeWithItsNationalTypeAndCodes()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-day");
        var a = await exchange.RegisterAsync();
        var b = await exchange.RegisterAsync();
        var c = await exchange.RegisterAsync();
        exchange.Hub.Clock.Advance(TimeSpan.FromDays(340));
        await exchange.Registry.RenewApplicationAsync(new RenewApplicationRequest { RequestId = Id(), Name = b.Name, ExpectedRevision = 1 });
        a.CurrentHousing = HousingSituation.Hotel;
        await exchange.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Id(),
            Application = a,
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        });
        await exchange.Registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Id(),
            Name = c.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.Renunciation,
        });

        var report = await exchange.ExportAsync(Day);

        Assert.Equal(["nuu-20270213-0001.xml"], exchange.Files());
        var path = Path.Combine(exchange.Outbox, report.FileName);
        Assert.Empty(NuuSchema.ValidateFile(path));
        // The file and its report hold applicants' personal data: their owner's only.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + ".report.json"));
        }
        var file = NuuFile.Load(path);
        Assert.Equal(
            [$"CRE {a.Number}", $"CRE {b.Number}", $"CRE {c.Number}", $"REN {b.Number}", $"MOD {a.Number}", $"RAD {c.Number} motif=RADABA"],
            file.Lines);
        Assert.Equal("2027-02-13", file.Header("dateFichier"));
        Assert.Equal("0", file.Header("changementsApres"));
        Assert.Equal("6", file.Footer("changementsJusqua"));
        Assert.Equal("6", file.Footer("nombreDemandes"));

        var first = file.Demandes[0].Element(NuuFile.N + "demandeLogement")!;
        Assert.Equal("B0001", first.Element(NuuFile.N + "numGuichet")!.Value);
        Assert.Equal("2026-03-10", first.Element(NuuFile.N + "dateCreationDemande")!.Value);
        var wished = first.Element(NuuFile.N + "logementRecherche")!;
        Assert.Equal("false", wished.Element(NuuFile.N + "demandeElargie")!.Value);
        Assert.Equal(["T3"], wished.Descendants(NuuFile.N + "typeLogement").Select(t => t.Attribute("code")!.Value));
        Assert.Equal(["14118", "14327"], wished.Descendants(NuuFile.N + "commune").Select(t => t.Attribute("code")!.Value));
        var renewal = file.Demandes[3].Element(NuuFile.N + "demandeLogement")!;
        Assert.Equal("2027-02-13", renewal.Element(NuuFile.N + "dateDernierRenouvellement")!.Value);

        Assert.Equal(new Dictionary<string, int> { ["CRE"] = 3, ["MOD"] = 1, ["RAD"] = 1, ["REN"] = 1 }, report.DemandesByType);
        Assert.Empty(report.Skipped);
        Assert.Equal(6, await exchange.HubCheckpointAsync());
        Assert.True(File.Exists(path + ".report.json"));

        // The README's example file is this one, when asked for.
        if (Environment.GetEnvironmentVariable("INTEROP_EXCHANGE_EXAMPLE") is { Length: > 0 } example)
        {
            File.Copy(path, example, overwrite: true);
        }
    }

    [Fact]
    public async Task Export_TheSameDayAgain_WritesTheSameBytesAndNoSecondFile_AndTheNextDayTakesOnlyTheNewChanges()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-rerun");
        await exchange.RegisterAsync();
        await exchange.RegisterAsync();
        var first = await exchange.ExportAsync(Day);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(exchange.Outbox, first.FileName));

        var again = await exchange.ExportAsync(Day);

        Assert.True(again.Replayed);
        Assert.Null(again.ReplayNote);
        Assert.Equal(first.FileName, again.FileName);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(exchange.Outbox, first.FileName)));
        Assert.Equal([first.FileName], exchange.Files());

        var third = await exchange.RegisterAsync();
        var next = await exchange.ExportAsync(Day.AddDays(1));

        Assert.Equal(["nuu-20270213-0001.xml", "nuu-20270214-0002.xml"], exchange.Files());
        var file = NuuFile.Load(Path.Combine(exchange.Outbox, next.FileName));
        Assert.Equal([$"CRE {third.Number}"], file.Lines);
        Assert.Equal("2", file.Header("changementsApres"));
        Assert.Equal("3", file.Footer("changementsJusqua"));
        Assert.Equal(3, await exchange.HubCheckpointAsync());

        // The first day, once more after the second: still the same bytes.
        await exchange.ExportAsync(Day);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(exchange.Outbox, first.FileName)));
    }

    [Fact]
    public async Task Export_CrashAfterTheFileIsRecordedBeforeTheAcknowledgement_RerunGivesTheSameFileAndLosesNothing()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-crash");
        var a = await exchange.RegisterAsync();
        var b = await exchange.RegisterAsync();

        await Assert.ThrowsAsync<IOException>(() => exchange.ExportAsync(Day, () => throw new IOException("killed before the acknowledgement")));
        Assert.Equal(["nuu-20270213-0001.xml"], exchange.Files());
        var bytes = await File.ReadAllBytesAsync(Path.Combine(exchange.Outbox, "nuu-20270213-0001.xml"));
        Assert.Contains("\"acknowledged\": false", await File.ReadAllTextAsync(Path.Combine(exchange.Folder, "export-state.json")), StringComparison.Ordinal);

        // A change arrives meanwhile: it belongs to the next day, not to the crashed run's file.
        var c = await exchange.RegisterAsync();
        var rerun = await exchange.ExportAsync(Day);

        Assert.True(rerun.Replayed);
        Assert.Equal(["nuu-20270213-0001.xml"], exchange.Files());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(exchange.Outbox, "nuu-20270213-0001.xml")));
        Assert.Equal([$"CRE {a.Number}", $"CRE {b.Number}"], NuuFile.Load(Path.Combine(exchange.Outbox, rerun.FileName)).Lines);
        Assert.DoesNotContain("\"acknowledged\": false", await File.ReadAllTextAsync(Path.Combine(exchange.Folder, "export-state.json")), StringComparison.Ordinal);
        Assert.True(await exchange.HubCheckpointAsync() >= 2);

        var next = await exchange.ExportAsync(Day.AddDays(1));
        Assert.Equal([$"CRE {c.Number}"], NuuFile.Load(Path.Combine(exchange.Outbox, next.FileName)).Lines);
        Assert.Equal(3, await exchange.HubCheckpointAsync());
    }

    [Fact]
    public async Task Export_ASecondDayCrashingBeforeTheAcknowledgement_LeavesTheHubCheckpointAtTheFirstDay()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-crash-day-two");
        await exchange.RegisterAsync();
        await exchange.RegisterAsync();
        await exchange.ExportAsync(Day);
        Assert.Equal(2, await exchange.HubCheckpointAsync());
        var c = await exchange.RegisterAsync();

        // The second day reads through the client's subscription (the first read from 0 does not).
        await Assert.ThrowsAsync<IOException>(() => exchange.ExportAsync(Day.AddDays(1), () => throw new IOException("killed before the acknowledgement")));
        Assert.Equal(2, await exchange.HubCheckpointAsync());

        var rerun = await exchange.ExportAsync(Day.AddDays(1));
        Assert.Equal([$"CRE {c.Number}"], NuuFile.Load(Path.Combine(exchange.Outbox, rerun.FileName)).Lines);
        Assert.Equal(3, await exchange.HubCheckpointAsync());
    }

    [Fact]
    public async Task Export_CrashBeforeTheRecord_RerunReplacesTheUnrecordedFileUnderTheSameName()
    {
        await using var exchange = await ExchangeHub.StartAsync("exchange-unrecorded");
        var a = await exchange.RegisterAsync();
        await exchange.ExportAsync(Day);
        var b = await exchange.RegisterAsync();
        var first = await exchange.ExportAsync(Day.AddDays(1));
        // As if the process died after publishing the second file but before recording it.
        var state = Path.Combine(exchange.Folder, "export-state.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(state))!;
        json["runs"]!.AsArray().RemoveAt(1);
        await File.WriteAllTextAsync(state, json.ToJsonString());
        var c = await exchange.RegisterAsync();

        var rerun = await exchange.ExportAsync(Day.AddDays(1));

        Assert.False(rerun.Replayed);
        Assert.Equal(first.FileName, rerun.FileName);
        Assert.Equal(["nuu-20270213-0001.xml", "nuu-20270214-0002.xml"], exchange.Files());
        Assert.Equal([$"CRE {b.Number}", $"CRE {c.Number}"], NuuFile.Load(Path.Combine(exchange.Outbox, rerun.FileName)).Lines);
        Assert.Equal([$"CRE {a.Number}"], NuuFile.Load(Path.Combine(exchange.Outbox, "nuu-20270213-0001.xml")).Lines);
    }

    private static string Id() => Guid.NewGuid().ToString();
}
