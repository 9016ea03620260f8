using Interop.Contracts.V1;
using Interop.NationalExchange.Simulator;
using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary><c>interop exchange run</c> and <c>interop exchange import</c>, with a key of the national-exchange organisation, against a real hub.</summary>
[Collection(CliCollection.Name)]
public sealed class ExchangeCommandTests(InstalledCli cli, CliHub hub) : IClassFixture<CliHub>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("interop-cli-exchange-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task RunThenImport_ExportTheDayAndApplyTheNationalAnswer_ThenExitZero()
    {
        var key = await HubAccess.IssueKeyAsync(hub.Hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange));
        var application = await hub.RegisterAsync();
        await FeedHead.WhenSequencedAsync(hub.Hub.ConnectionString);

        var run = await cli.RunAsync("exchange", "run", "--folder", folder, "--date", "2026-03-10", "--hub", hub.Url, "--key", key);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("export nuu-20260310-0001.xml: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("reconciliation: ", run.Output, StringComparison.Ordinal);
        var national = new NationalRegistrySimulator(new SimulatorOptions { Directory = Directory.CreateDirectory(Path.Combine(folder, "national")).FullName });
        national.RadiateElsewhere(application.Number, "RADATT", new DateOnly(2026, 3, 10));
        var returned = national.Process(Path.Combine(folder, "outbox", "nuu-20260310-0001.xml"), Path.Combine(folder, "elsewhere"));

        var import = await cli.RunAsync("exchange", "import", returned, "--folder", folder, "--hub", hub.Url, "--key", key);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("radiated here", import.Output, StringComparison.Ordinal);
        var now = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name });
        Assert.Equal((ApplicationStatus.Radiated, RadiationReason.Attribution), (now.Status, now.Radiation.Reason));
        Assert.True(File.Exists(Path.Combine(folder, "reports", "reconciliation-" + DateOnly.FromDateTime(hub.Hub.Clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + ".csv")));
    }

    [Fact]
    public async Task Import_AFileThatIsNotAReturnFile_SaysWhyAndExitsWith2()
    {
        var path = Path.Combine(folder, "retour.xml");
        await File.WriteAllTextAsync(path, "<retourNuu xmlns=\"urn:interop:nuu:retour:1\" versionInterface=\"02.01\"><pied/></retourNuu>");

        var result = await cli.RunAsync(hub.AsRegistrar("exchange", "import", path, "--folder", folder));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not validate against", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithALandlordsKey_IsRefusedAsAKeyProblemWithExit4()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("exchange", "run", "--folder", folder, "--date", "2026-03-10"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("PERMISSION_DENIED", result.Error, StringComparison.Ordinal);
    }
}
