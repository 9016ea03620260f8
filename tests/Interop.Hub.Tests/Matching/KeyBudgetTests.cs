using Interop.Contracts.V1;
using Interop.Hub.Core.Matching;
using Interop.Hub.Storage.Matching;
using Interop.Testing;
using Npgsql;

namespace Interop.Hub.Tests.Matching;

/// <summary>
/// A check reads a bounded part of the identity index: keys shared by too many applications are
/// skipped, the others are read narrowest first within a row budget, and the real duplicate, which
/// shares narrow keys, is still found.
/// </summary>
public sealed class KeyBudgetTests : IAsyncLifetime
{
    private const int Strangers = 12;
    private static readonly Matcher Plain = new();

    private HubHost hub = null!;
    private string target = "";

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("keybudget");
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        target = (await registry.CreateApplicationAsync(TestApplications.Create(application: TestApplications.Valid("Lefrançois")))).Application.Number;

        // Strangers born the same day as the target: they share its birth-date key and nothing else.
        for (var i = 0; i < Strangers; i++)
        {
            // Names that start with Z share no name key (sound, first letters) with the target's L… and C…:
            // fully random names did, rarely, and the test then found a stranger beside the duplicate.
            var stranger = TestApplications.Valid("Z" + TestApplications.UniqueName()[1..], firstName: "Z" + TestApplications.UniqueName()[1..].ToLowerInvariant());
            stranger.Applicant.Contact = new Contact { Email = $"z{i}@example.fr", Phone = "06 " + (10_000_000 + i) };
            stranger.Applicant.BirthDate = new Google.Type.Date { Year = 1988, Month = 4, Day = 12 };
            await registry.CreateApplicationAsync(TestApplications.Create(application: stranger));
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    // The target typed again without accents, day and month swapped.
    private static IReadOnlyList<string> TypedAgainKeys() => Matcher.BlockingKeys(Plain.Prepare(new PersonIdentity
    {
        Id = "query",
        LastName = "LEFRANCOIS",
        FirstNames = ["camille"],
        Sex = "F",
        BirthDate = "1988-12-04",
    }));

    private static IReadOnlyList<string> BirthDateOnlyKeys() => Matcher.BlockingKeys(Plain.Prepare(new PersonIdentity { Id = "query", BirthDate = "1988-04-12" }));

    private async Task<IReadOnlyList<string>> CandidatesAsync(KeyBudget budget, IReadOnlyList<string> keys)
    {
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        return await new IdentityIndex(budget).CandidatesAsync(transaction, keys, "14", null, 200, CancellationToken.None);
    }

    [Fact]
    public async Task Candidates_WithRoomForEveryKey_IncludeStrangersSharingOnlyTheBirthDate()
    {
        var candidates = await CandidatesAsync(new KeyBudget(), TypedAgainKeys());

        Assert.Equal(Strangers + 1, candidates.Count);
        Assert.Equal(target, candidates[0]);
    }

    [Fact]
    public async Task Candidates_WhenTheBirthDateKeyIsBroad_SkipItAndStillFindTheDuplicate()
    {
        var candidates = await CandidatesAsync(new KeyBudget(BroadKeyRows: Strangers, RowBudget: 1_000), TypedAgainKeys());

        Assert.Equal([target], candidates);
    }

    [Fact]
    public async Task Candidates_WhenTheBudgetIsSpentOnNarrowKeys_LeaveTheWiderKeyUnread()
    {
        var candidates = await CandidatesAsync(new KeyBudget(BroadKeyRows: 1_000, RowBudget: Strangers), TypedAgainKeys());

        Assert.Equal([target], candidates);
    }

    [Fact]
    public async Task Candidates_TheNarrowestKeyIsReadEvenBeyondTheBudget()
    {
        var candidates = await CandidatesAsync(new KeyBudget(BroadKeyRows: 1_000, RowBudget: 1), BirthDateOnlyKeys());

        Assert.Equal(Strangers + 1, candidates.Count);
    }

    [Fact]
    public async Task Candidates_WhenEveryKeyIsBroad_AreNone()
    {
        var candidates = await CandidatesAsync(new KeyBudget(BroadKeyRows: Strangers, RowBudget: 1_000), BirthDateOnlyKeys());

        Assert.Empty(candidates);
    }
}
