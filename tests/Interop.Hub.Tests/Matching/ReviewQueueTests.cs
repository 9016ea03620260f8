using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Matching;

/// <summary>The review queue as a territory's operators read it: by département, page by page, by state.</summary>
public sealed class ReviewQueueTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private MatchingService.MatchingServiceClient matching = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("reviewqueue");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        matching = new MatchingService.MatchingServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    // A household registered, then registered again under a married name without the birth name: a probable pair.
    private async Task<string> ProbablePairInAsync(string departement, string commune, string birthSurname, string firstName)
    {
        Application Household(string lastName, string email)
        {
            var application = TestApplications.Valid(lastName, firstName);
            application.Departement = departement;
            application.Wishes.CommuneCodes.Clear();
            application.Wishes.CommuneCodes.Add(commune);
            application.Applicant.BirthPlace = null;
            application.Applicant.Contact = new Contact { Email = email };
            return application;
        }

        await registry.CreateApplicationAsync(TestApplications.Create(application: Household(birthSurname, TestApplications.UniqueName().ToLowerInvariant() + "@example.fr")));
        var married = TestApplications.UniqueName();
        var second = await registry.CreateApplicationAsync(TestApplications.Create(application: Household(married, $"{married}@example.org".ToLowerInvariant())));
        Assert.Equal(MatchOutcome.Probable, Assert.Single(second.MatchCandidates).Outcome);
        return second.Application.Name;
    }

    [Fact]
    public async Task ListReviewItems_ByDepartement_ShowsOnlyThatDepartementsItems()
    {
        var calvados = await ProbablePairInAsync("14", "14118", "Lefrançois", "Camille");
        var orne = await ProbablePairInAsync("61", "61001", "Duchemin", "Solène");

        var all = await matching.ListReviewItemsAsync(new ListReviewItemsRequest());
        var only14 = await matching.ListReviewItemsAsync(new ListReviewItemsRequest { Departement = "14" });
        var only61 = await matching.ListReviewItemsAsync(new ListReviewItemsRequest { Departement = "61" });

        Assert.Equal([calvados, orne], all.ReviewItems.Select(i => i.Application).Order());
        Assert.Equal(calvados, Assert.Single(only14.ReviewItems).Application);
        Assert.Equal("14", only14.ReviewItems[0].Departement);
        Assert.Equal(orne, Assert.Single(only61.ReviewItems).Application);
    }

    [Fact]
    public async Task ListReviewItems_PageByPage_ReturnsEveryItemOnce()
    {
        var expected = new List<string>
        {
            await ProbablePairInAsync("14", "14118", "Lefrançois", "Camille"),
            await ProbablePairInAsync("14", "14118", "Hébert", "Maëlle"),
            await ProbablePairInAsync("14", "14118", "Le Goff", "Youenn"),
        };

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await matching.ListReviewItemsAsync(new ListReviewItemsRequest { PageSize = 2, PageToken = token });
            Assert.True(page.ReviewItems.Count <= 2);
            seen.AddRange(page.ReviewItems.Select(i => i.Application));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(2, pages);
        Assert.Equal(expected.Order(), seen.Order());
    }

    [Fact]
    public async Task ListReviewItems_ByState_SeparatesOpenFromDecidedItems()
    {
        var decided = await ProbablePairInAsync("14", "14118", "Lefrançois", "Camille");
        var open = await ProbablePairInAsync("14", "14118", "Hébert", "Maëlle");
        var item = (await matching.ListReviewItemsAsync(new ListReviewItemsRequest())).ReviewItems.Single(i => i.Application == decided);
        await matching.ResolveReviewItemAsync(new ResolveReviewItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = item.Name, Decision = ReviewItemState.DifferentHouseholds,
        });

        var openItems = await matching.ListReviewItemsAsync(new ListReviewItemsRequest());
        var different = await matching.ListReviewItemsAsync(new ListReviewItemsRequest { State = ReviewItemState.DifferentHouseholds });

        Assert.Equal(open, Assert.Single(openItems.ReviewItems).Application);
        var remembered = Assert.Single(different.ReviewItems);
        Assert.Equal(decided, remembered.Application);
        Assert.Equal(ReviewItemState.DifferentHouseholds, remembered.State);
        Assert.Equal("organizations/test-registrar", remembered.DecidedBy);
    }

    [Fact]
    public async Task ListReviewItems_BadDepartementOrToken_IsInvalidArgumentNamingTheField()
    {
        var departement = await RpcAssert.FailsAsync(
            Grpc.Core.StatusCode.InvalidArgument, () => matching.ListReviewItemsAsync(new ListReviewItemsRequest { Departement = "1X" }).ResponseAsync);
        var token = await RpcAssert.FailsAsync(
            Grpc.Core.StatusCode.InvalidArgument, () => matching.ListReviewItemsAsync(new ListReviewItemsRequest { PageToken = "not-a-token" }).ResponseAsync);

        Assert.Contains(departement.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "departement");
        Assert.Contains(token.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "page_token");
    }
}
