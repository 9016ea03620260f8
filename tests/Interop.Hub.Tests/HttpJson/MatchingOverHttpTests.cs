using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>MatchingService through the HTTP/JSON door: find, review, merge and unmerge.</summary>
public sealed class MatchingOverHttpTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private JsonDoor door = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("httpjson-matching", httpJson: true);
        door = JsonDoor.Over(hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId));
    }

    public async Task DisposeAsync()
    {
        door.Dispose();
        await hub.DisposeAsync();
    }

    private static Application Household(string lastName)
    {
        var application = TestApplications.Valid(lastName, "Camille");
        application.Applicant.BirthDate = new Google.Type.Date { Year = 1988, Month = 4, Day = 12 };
        return application;
    }

    [Fact]
    public async Task FindMatches_OverHttp11_NamesTheRegisteredHousehold()
    {
        var first = (await door.PostAsync<CreateApplicationResponse>("/v1/applications", TestApplications.Create(application: Household("Lefrançois")))).Application;

        var found = await door.PostAsync<FindMatchesResponse>("/v1/applications:findMatches", new FindMatchesRequest
        {
            Person = Household("Lefrancois").Applicant, Departement = "14",
        });

        var candidate = Assert.Single(found.Candidates);
        Assert.Equal(first.Name, candidate.Application);
        Assert.Equal(MatchOutcome.Certain, candidate.Outcome);
    }

    [Fact]
    public async Task ReviewResolveUnmerge_OverHttp11_MergeThenRestoreBoth()
    {
        // A married name typed without the birth name: probable, so a review item.
        var first = (await door.PostAsync<CreateApplicationResponse>("/v1/applications", TestApplications.Create(application: Household("Lefrançois")))).Application;
        hub.Clock.Advance(TimeSpan.FromDays(3));
        var married = Household("Martin");
        married.Applicant.BirthPlace = null;
        married.Applicant.Contact = new Contact { Email = "c.martin@example.org", Phone = "06 12 34 56 78" };
        var second = (await door.PostAsync<CreateApplicationResponse>("/v1/applications", TestApplications.Create(application: married))).Application;

        var open = await door.GetAsync<ListReviewItemsResponse>("/v1/reviewItems?departement=14&state=REVIEW_ITEM_STATE_OPEN");
        var item = Assert.Single(open.ReviewItems);
        var decided = await door.PostAsync<ReviewItem>($"/v1/{item.Name}:resolve", new ResolveReviewItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Decision = ReviewItemState.SameHousehold,
        });
        var absorbed = await door.GetAsync<Application>("/v1/" + second.Name);
        var unmerged = await door.PostAsync<UnmergeApplicationResponse>($"/v1/{second.Name}:unmerge", new UnmergeApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), ExpectedRevision = absorbed.Revision,
        });

        Assert.Equal(second.Name, item.Application);
        Assert.Equal(first.Name, item.Candidate);
        Assert.Equal(ReviewItemState.SameHousehold, decided.State);
        Assert.Equal(first.Name, decided.Survivor);
        Assert.Equal(ApplicationStatus.Merged, absorbed.Status);
        Assert.Equal(ApplicationStatus.Active, unmerged.Restored.Status);
        Assert.Equal(ApplicationStatus.Active, unmerged.Survivor.Status);
    }
}
