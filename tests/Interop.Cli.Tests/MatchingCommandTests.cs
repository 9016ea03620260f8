using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary><c>interop matches find</c> and <c>interop review list|resolve</c> against a real hub.</summary>
[Collection(CliCollection.Name)]
public sealed class MatchingCommandTests(InstalledCli cli, CliHub hub) : IClassFixture<CliHub>, IDisposable
{
    private readonly ApplicationFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task MatchesFind_ByFlags_FindsTheRegisteredHousehold()
    {
        var registered = await hub.RegisterAsync();
        var person = registered.Applicant;

        var table = await cli.RunAsync(hub.AsRegistrar(
            "matches", "find", "--departement", "14", "--last-name", person.LastName, "--first-name", person.FirstNames[0],
            "--birth-date", $"{person.BirthDate.Year:0000}-{person.BirthDate.Month:00}-{person.BirthDate.Day:00}"));
        var json = await cli.RunAsync(hub.AsRegistrar("matches", "find", "--file", files.Write(registered), "--json"));

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Matches($@"\n{registered.Name}\s+(certain|probable)\s+\d+\.\d\s+", table.Output);
        Assert.True(json.ExitCode == 0, json.Error);
        var candidate = MatchCandidate.Parser.ParseJson(json.Output.Split('\n')[0]);
        Assert.Equal(registered.Name, candidate.Application);
        Assert.Equal(MatchOutcome.Certain, candidate.Outcome);
    }

    [Fact]
    public async Task MatchesFind_WithoutLastNameInABadDepartement_NamesBothFields()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("matches", "find", "--first-name", "Jean", "--birth-date", "1975-11-03", "--departement", "1X"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("interop: INVALID_ARGUMENT (INVALID_ARGUMENT): ", line, StringComparison.Ordinal);
        Assert.Contains("person.last_name: ", line, StringComparison.Ordinal);
        Assert.Contains("departement: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewListAndResolve_DecideAProbablePair()
    {
        var second = await ProbablePairAsync();

        var listed = await cli.RunAsync(hub.AsRegistrar("review", "list", "--json"));
        Assert.True(listed.ExitCode == 0, listed.Error);
        var item = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ReviewItem.Parser.ParseJson).Single(i => i.Application == second);
        var table = await cli.RunAsync(hub.AsRegistrar("review", "list", "--departement", "14"));
        Assert.Matches($@"\n{item.Name}\s+open\s+{second}\s+applications/\S+\s+\d+\.\d\s+\d{{4}}-\d{{2}}-\d{{2}}", table.Output);

        var resolved = await cli.RunAsync(hub.AsRegistrar("review", "resolve", item.Name, "--decision", "different-households"));

        Assert.True(resolved.ExitCode == 0, resolved.Error);
        Assert.Equal($"{item.Name}: different-households", resolved.Output.Trim());
        var decided = await cli.RunAsync(hub.AsRegistrar("review", "list", "--state", "different-households", "--json"));
        Assert.Contains(decided.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ReviewItem.Parser.ParseJson), i => i.Name == item.Name);
    }

    [Fact]
    public async Task ReviewList_BadDepartement_IsInvalidArgumentNamingTheField()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("review", "list", "--departement", "1X"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("interop: INVALID_ARGUMENT (INVALID_ARGUMENT): departement: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewResolve_UnknownItem_ExitsOneWithTheReason()
    {
        var result = await cli.RunAsync(hub.AsRegistrar("review", "resolve", "999999", "--decision", "same-household"));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("^interop: (NOT_FOUND|INVALID_ARGUMENT) ", result.Error);
    }

    // A household registered, then again under a married name without the birth name: a probable pair, put in the review queue.
    private async Task<string> ProbablePairAsync()
    {
        Application Household(string lastName, string email)
        {
            var application = TestApplications.Valid(lastName, "Maëlle");
            application.Applicant.BirthPlace = null;
            application.Applicant.Contact = new Contact { Email = email };
            return application;
        }

        var birthName = TestApplications.UniqueName();
        await hub.RegisterAsync(Household(birthName, birthName.ToLowerInvariant() + "@example.fr"));
        var married = TestApplications.UniqueName();
        var second = await hub.Registry.CreateApplicationAsync(TestApplications.Create(application: Household(married, married.ToLowerInvariant() + "@example.org")));
        Assert.Equal(MatchOutcome.Probable, Assert.Single(second.MatchCandidates).Outcome);
        return second.Application.Name;
    }
}
