using Interop.Contracts.V1;

namespace Interop.Cli.Tests;

/// <summary>
/// <c>interop applications renew|radiate|reactivate</c> through an application's life, on a
/// hub of its own since the test moves the hub's clock eleven months on.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class LifecycleCommandTests(InstalledCli cli, CliHub hub) : IClassFixture<CliHub>
{
    [Fact]
    public async Task RenewRadiateReactivate_FollowTheLifeCycleAndRefuseWhatItForbids()
    {
        var registered = await hub.RegisterAsync();
        var number = registered.Number;

        var tooEarly = await cli.RunAsync(hub.AsRegistrar("applications", "renew", number, "--expected-revision", "1"));
        Assert.Equal(1, tooEarly.ExitCode);
        Assert.StartsWith("interop: FAILED_PRECONDITION (ILLEGAL_TRANSITION): ", tooEarly.Error, StringComparison.Ordinal);

        hub.Hub.Clock.Advance(TimeSpan.FromDays(340));
        var renewed = await cli.RunAsync(hub.AsRegistrar("applications", "renew", number, "--expected-revision", "1", "--json"));
        Assert.True(renewed.ExitCode == 0, renewed.Error);
        var afterRenewal = Application.Parser.ParseJson(renewed.Output.Trim());
        Assert.Equal(2, afterRenewal.Revision);
        Assert.NotNull(afterRenewal.LastRenewedDate);

        var noLetter = await cli.RunAsync(hub.AsRegistrar("applications", "radiate", number, "--expected-revision", "2", "--reason", "no-answer"));
        Assert.Equal(1, noLetter.ExitCode);
        Assert.Contains("warning_letter_date", noLetter.Error, StringComparison.Ordinal);

        var radiated = await cli.RunAsync(hub.AsRegistrar(
            "applications", "radiate", number, "--expected-revision", "2", "--reason", "no-answer", "--warning-letter-date", "2026-12-01"));
        Assert.True(radiated.ExitCode == 0, radiated.Error);
        Assert.StartsWith($"radiated {number}: radiated (no-answer), revision 3", radiated.Output, StringComparison.Ordinal);

        var reactivated = await cli.RunAsync(hub.AsRegistrar("applications", "reactivate", number, "--expected-revision", "3"));
        Assert.True(reactivated.ExitCode == 0, reactivated.Error);
        Assert.StartsWith($"reactivated {number}: active, revision 4", reactivated.Output, StringComparison.Ordinal);

        var renounced = await cli.RunAsync(hub.AsRegistrar("applications", "radiate", number, "--expected-revision", "4", "--reason", "renunciation"));
        Assert.True(renounced.ExitCode == 0, renounced.Error);
        var final = await cli.RunAsync(hub.AsRegistrar("applications", "reactivate", number, "--expected-revision", "5"));
        Assert.Equal(1, final.ExitCode);
        Assert.StartsWith("interop: FAILED_PRECONDITION (ILLEGAL_TRANSITION): ", final.Error, StringComparison.Ordinal);

        var stored = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = registered.Name });
        Assert.Equal(ApplicationStatus.Radiated, stored.Status);
        Assert.Equal(RadiationReason.Renunciation, stored.Radiation.Reason);
        Assert.Equal(5, stored.Revision);
    }

    [Fact]
    public async Task Radiate_UnknownReason_IsAUsageErrorListingTheReasons()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("applications", "radiate", "0142603B000100001X", "--expected-revision", "1", "--reason", "attribution"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'renunciation'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'no-answer'", result.Error, StringComparison.Ordinal);
    }
}
