using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary><c>interop export</c>: a territory's applications as CSV, to a file or standard output, with its progress on stderr.</summary>
[Collection(CliCollection.Name)]
public sealed class ExportCommandTests(InstalledCli cli, CliHub hub) : IClassFixture<CliHub>, IDisposable
{
    private readonly ApplicationFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Export_ToAFile_HasAHeaderAndOneRowPerApplicationOfTheDepartement()
    {
        var calvados = new[] { await hub.RegisterAsync(), await hub.RegisterAsync(), await hub.RegisterAsync() };
        await hub.RegisterAsync(Orne());
        var expected = await CountAsync("14");
        var output = files.PathOf("calvados.csv");

        var result = await cli.RunAsync(hub.AsRegistrar("export", "--departement", "14", "--output", output));

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.StartsWith("number,status,radiation_reason,departement,registering_desk,filed_date,", lines[0], StringComparison.Ordinal);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal("14", r[3]));
        foreach (var application in calvados)
        {
            var row = Assert.Single(rows, r => r[0] == application.Number);
            Assert.Equal("active", row[1]);
            Assert.Equal(application.Applicant.LastName, row[9]);
        }

        Assert.Equal($"export: {expected} applications of 14 in {output}", result.Error.Trim());
    }

    [Fact]
    public async Task Export_ToStandardOutput_WritesOnlyTheCsvThere()
    {
        var orne = await hub.RegisterAsync(Orne());
        var expected = await CountAsync("61");

        var result = await cli.RunAsync(hub.AsRegistrar("export", "--departement", "61", "--status", "active"));

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("number,", lines[0], StringComparison.Ordinal);
        Assert.Equal(expected, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith(orne.Number + ",active,,61,B0001,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_NothingToExport_StillWritesTheHeader()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("export", "--departement", "14", "--status", "erased"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("number,status,radiation_reason,departement,registering_desk,filed_date,last_renewed_date,expiry_date,revision,last_name,birth_name,first_names,birth_date,household_size,typologies,wished_communes,update_time", result.Output.Trim());
    }

    [Fact]
    public async Task Export_WithoutDepartement_IsAUsageError()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("export"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--departement", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithARevokedOrUnknownKey_ExitsFour()
    {
        var result = await cli.RunAsync("export", "--departement", "14", "--hub", hub.Url, "--key", "ik_unknown");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("interop: UNAUTHENTICATED", result.Error, StringComparison.Ordinal);
    }

    private static Application Orne()
    {
        var application = TestApplications.Valid();
        application.Departement = "61";
        application.Wishes.CommuneCodes.Clear();
        application.Wishes.CommuneCodes.Add("61001");
        return application;
    }

    private async Task<int> CountAsync(string departement)
    {
        var count = 0;
        var request = new ListApplicationsRequest { Departement = departement, PageSize = 500 };
        do
        {
            var page = await hub.Registry.ListApplicationsAsync(request);
            count += page.Applications.Count;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return count;
    }
}
