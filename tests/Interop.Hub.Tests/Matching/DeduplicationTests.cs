using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Matching;

/// <summary>One household, one application: duplicates at registration, FindMatches, the review queue, merge and unmerge.</summary>
public sealed class DeduplicationTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private MatchingService.MatchingServiceClient matching = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("dedup");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        matching = new MatchingService.MatchingServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private static Application Household(string lastName, string firstName, int year, int month, int day, string? birthName = null)
    {
        var application = TestApplications.Valid(lastName, firstName);
        application.Applicant.BirthDate = new Google.Type.Date { Year = year, Month = month, Day = day };
        application.Applicant.BirthName = birthName ?? "";
        return application;
    }

    [Fact]
    public async Task CreateApplication_SameHouseholdTypedWithoutAccentsAndDayMonthSwapped_IsRefusedNamingTheExistingNumber()
    {
        var first = (await registry.CreateApplicationAsync(TestApplications.Create(application: Household("Lefrançois", "Camille", 1988, 4, 12)))).Application;
        var before = await new DatabaseProbe(hub.ConnectionString).CountAsync();

        var status = await RpcAssert.FailsAsync(
            StatusCode.AlreadyExists,
            () => registry.CreateApplicationAsync(TestApplications.Create(application: Household("LEFRANCOIS", "camille", 1988, 12, 4))).ResponseAsync,
            "DUPLICATE_APPLICATION");

        Assert.Equal(first.Name, status.GetDetail<Google.Rpc.ResourceInfo>().ResourceName);
        Assert.Equal(first.Name, status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["existing_applications"]);
        Assert.Equal(before.Applications, (await new DatabaseProbe(hub.ConnectionString).CountAsync()).Applications);
    }

    [Fact]
    public async Task CreateApplication_SameHouseholdInAnotherDepartement_IsAnotherApplication()
    {
        await registry.CreateApplicationAsync(TestApplications.Create(application: Household("Lefrançois", "Camille", 1988, 4, 12)));
        var orne = Household("Lefrançois", "Camille", 1988, 4, 12);
        orne.Departement = "61";
        orne.Wishes.CommuneCodes.Clear();
        orne.Wishes.CommuneCodes.Add("61001");

        var created = (await registry.CreateApplicationAsync(TestApplications.Create(application: orne))).Application;

        Assert.StartsWith("061", created.Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateApplication_ProbableDuplicate_IsRegisteredWithItsCandidateAndAReviewItem()
    {
        var first = (await registry.CreateApplicationAsync(TestApplications.Create(application: Household("Lefrançois", "Camille", 1988, 4, 12)))).Application;

        // Another surname (a married name typed without the birth name), same
        // first name and birth date, no birth place, other contact: only probable.
        var married = MarriedWithoutBirthName();
        var response = await registry.CreateApplicationAsync(TestApplications.Create(application: married));

        var candidate = Assert.Single(response.MatchCandidates);
        Assert.Equal(first.Name, candidate.Application);
        Assert.Equal(MatchOutcome.Probable, candidate.Outcome);
        Assert.Contains(candidate.Fields, f => f.Field == "nom" && f.LeftValue.Length > 0);
        var queue = await matching.ListReviewItemsAsync(new ListReviewItemsRequest());
        var item = Assert.Single(queue.ReviewItems);
        Assert.Equal(response.Application.Name, item.Application);
        Assert.Equal(first.Name, item.Candidate);
        Assert.Equal(ReviewItemState.Open, item.State);
    }

    [Fact]
    public async Task FindMatches_BeforeRegistering_ExplainsFieldByFieldButShowsValuesOnlyToWhoMayReadThem()
    {
        var first = (await registry.CreateApplicationAsync(TestApplications.Create(application: Household("Lefrançois", "Camille", 1988, 4, 12)))).Application;
        var person = Household("Lefrancois", "Camille", 1988, 4, 12).Applicant;

        var mine = (await matching.FindMatchesAsync(new FindMatchesRequest { Person = person, Departement = "14" })).Candidates.Single();
        var outsider = new MatchingService.MatchingServiceClient(await HubAccess.JoinAsync(
            hub.Channel, TestOrganizations.Of("landlord-orne", OrganizationKind.Landlord, stock: ["61001"], desks: ["OR001"])));
        var theirs = (await outsider.FindMatchesAsync(new FindMatchesRequest { Person = person, Departement = "14" })).Candidates.Single();

        Assert.Equal(MatchOutcome.Certain, mine.Outcome);
        Assert.Equal(first.Name, theirs.Application);
        Assert.Contains("LEFRAN", mine.Explanation.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.DoesNotContain("LEFRAN", theirs.Explanation.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.All(theirs.Fields, f => Assert.Equal("", f.LeftValue + f.RightValue));
        Assert.Equal(mine.Fields.Select(f => (f.Field, f.Level)), theirs.Fields.Select(f => (f.Field, f.Level)));
    }

    [Fact]
    public async Task ResolveSameHousehold_MergesIntoTheEarliestFiledAndUnmergeRestoresBoth()
    {
        var (first, second, item) = await ProbablePairAsync();

        var decided = await matching.ResolveReviewItemAsync(new ResolveReviewItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = item.Name, Decision = ReviewItemState.SameHousehold,
        });

        Assert.Equal(ReviewItemState.SameHousehold, decided.State);
        Assert.Equal(first.Name, decided.Survivor);
        Assert.Equal("organizations/test-registrar", decided.DecidedBy);
        var absorbed = await registry.GetApplicationAsync(new GetApplicationRequest { Name = second.Name });
        Assert.Equal(ApplicationStatus.Merged, absorbed.Status);
        Assert.Equal(first.Name, absorbed.MergedInto);

        var unmerged = await matching.UnmergeApplicationAsync(new UnmergeApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = second.Name, ExpectedRevision = absorbed.Revision,
        });
        Assert.Equal(ApplicationStatus.Active, unmerged.Restored.Status);
        Assert.Equal("", unmerged.Restored.MergedInto);
        Assert.Equal(ApplicationStatus.Active, unmerged.Survivor.Status);
        var kinds = await new DatabaseProbe(hub.ConnectionString).QueryAsync<(string Kind, string Actor)>(
            "SELECT kind, actor FROM changes WHERE application_number = @number ORDER BY revision", new { number = second.Number });
        Assert.Equal([("registered", "test-registrar"), ("merged", "test-registrar"), ("unmerged", "test-registrar")], kinds);
    }

    [Fact]
    public async Task ResolveDifferentHouseholds_IsRememberedAndThePairNeverProposedAgain()
    {
        var (_, second, item) = await ProbablePairAsync();

        await matching.ResolveReviewItemAsync(new ResolveReviewItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = item.Name, Decision = ReviewItemState.DifferentHouseholds,
        });
        Assert.Empty((await matching.ListReviewItemsAsync(new ListReviewItemsRequest())).ReviewItems);

        // Touching the identity again re-checks it; the declared pair stays apart.
        var current = await registry.GetApplicationAsync(new GetApplicationRequest { Name = second.Name });
        await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = second.Name, Applicant = current.Applicant },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "applicant" } },
            ExpectedRevision = current.Revision,
        });
        Assert.Empty((await matching.ListReviewItemsAsync(new ListReviewItemsRequest())).ReviewItems);
        var decided = await matching.ListReviewItemsAsync(new ListReviewItemsRequest { State = ReviewItemState.DifferentHouseholds });
        Assert.Single(decided.ReviewItems);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => matching.ResolveReviewItemAsync(new ResolveReviewItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = item.Name, Decision = ReviewItemState.SameHousehold,
        }).ResponseAsync, "ILLEGAL_TRANSITION");
    }

    [Fact]
    public async Task ConcurrentRegistrationsOfTheSameHousehold_RegisterItOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                await registry.CreateApplicationAsync(TestApplications.Create(application: Household("Lefrançois", "Camille", 1988, 4, 12)));
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.Equal(5, results.Count(r => r == StatusCode.AlreadyExists));
    }

    [Fact]
    public async Task MergeAndUnmerge_AreRecordedWithTheDecisionAndItsRequestId_AndAudited()
    {
        var (first, second, item) = await ProbablePairAsync();
        var resolve = new ResolveReviewItemRequest { RequestId = Guid.NewGuid().ToString(), Name = item.Name, Decision = ReviewItemState.SameHousehold };
        await matching.ResolveReviewItemAsync(resolve);
        var unmerge = new UnmergeApplicationRequest { RequestId = Guid.NewGuid().ToString(), Name = second.Name, ExpectedRevision = 2 };
        var unmerged = await matching.UnmergeApplicationAsync(unmerge);

        Assert.Equal(3, unmerged.Restored.Revision);
        var probe = new DatabaseProbe(hub.ConnectionString);
        Assert.Equal(
            [
                (2L, "merged", resolve.RequestId, $$"""{"decided_by": "test-registrar", "merged_into": "{{first.Number}}"}"""),
                (3L, "unmerged", unmerge.RequestId, $$"""{"decided_by": "test-registrar", "was_merged_into": "{{first.Number}}"}"""),
            ],
            (await probe.ChangesAsync(second.Number)).Skip(1).Select(c => (c.Revision, c.Kind, c.RequestId, c.Details)));
        Assert.Equal(
            ["/CreateApplication", "/ResolveReviewItem", "/UnmergeApplication"],
            (await probe.ChangeAuditsAsync(second.Number)).Select(a => a.Method[a.Method.LastIndexOf('/')..]));
    }

    [Fact]
    public async Task ResolveDifferentHouseholds_IsRecordedOnTheApplicationNamingTheOther()
    {
        var (first, second, item) = await ProbablePairAsync();

        await matching.ResolveReviewItemAsync(new ResolveReviewItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = item.Name, Decision = ReviewItemState.DifferentHouseholds,
        });

        var change = (await new DatabaseProbe(hub.ConnectionString).ChangesAsync(second.Number))[^1];
        Assert.Equal((2L, "declared_distinct", "test-registrar"), (change.Revision, change.Kind, change.Actor));
        Assert.Equal($$"""{"other": "{{first.Number}}", "decided_by": "test-registrar"}""", change.Details);
    }

    [Fact]
    public async Task Unmerge_StaleRevision_IsAbortedWithTheCurrentRevisionAndWritesNothing()
    {
        var (_, second, item) = await ProbablePairAsync();
        await matching.ResolveReviewItemAsync(new ResolveReviewItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = item.Name, Decision = ReviewItemState.SameHousehold,
        });
        var before = await new DatabaseProbe(hub.ConnectionString).CountAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.Aborted, () => matching.UnmergeApplicationAsync(new UnmergeApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = second.Name, ExpectedRevision = 1,
        }).ResponseAsync, "REVISION_MISMATCH");

        Assert.Equal("2", status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["current_revision"]);
        Assert.Equal(before, await new DatabaseProbe(hub.ConnectionString).CountAsync());
    }

    [Fact]
    public async Task Unmerge_IsTheAdministratorsOrAChangingRegistrars_NotAReadersNorAnOutsiders()
    {
        var (_, second, item) = await ProbablePairAsync();
        await matching.ResolveReviewItemAsync(new ResolveReviewItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = item.Name, Decision = ReviewItemState.SameHousehold,
        });
        UnmergeApplicationRequest Unmerge() => new() { RequestId = Guid.NewGuid().ToString(), Name = second.Name, ExpectedRevision = 2 };
        var reader = new MatchingService.MatchingServiceClient(
            await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("national", OrganizationKind.NationalExchange)));
        var outsider = new MatchingService.MatchingServiceClient(
            await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-61", OrganizationKind.Landlord, stock: ["61001"], desks: ["L6101"])));

        // The national exchange reads the application, so it is told it may
        // not unmerge rather than that the application does not exist.
        var refused = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => reader.UnmergeApplicationAsync(Unmerge()).ResponseAsync);
        Assert.Contains("may not unmerge applications", refused.Message, StringComparison.Ordinal);
        var hidden = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => outsider.UnmergeApplicationAsync(Unmerge()).ResponseAsync);
        Assert.Contains($"may not read or change {second.Name}", hidden.Message, StringComparison.Ordinal);

        var unmerged = await new MatchingService.MatchingServiceClient(hub.Admin).UnmergeApplicationAsync(Unmerge());
        Assert.Equal(ApplicationStatus.Active, unmerged.Restored.Status);
    }

    private static Application MarriedWithoutBirthName()
    {
        var married = Household("Martin", "Camille", 1988, 4, 12);
        married.Applicant.BirthPlace = null;
        married.Applicant.Contact = new Contact { Email = "c.martin@example.org", Phone = "06 12 34 56 78" };
        return married;
    }

    private async Task<(Application First, Application Second, ReviewItem Item)> ProbablePairAsync()
    {
        var first = (await registry.CreateApplicationAsync(TestApplications.Create(application: Household("Lefrançois", "Camille", 1988, 4, 12)))).Application;
        hub.Clock.Advance(TimeSpan.FromDays(3));
        var married = MarriedWithoutBirthName();
        var second = (await registry.CreateApplicationAsync(TestApplications.Create(application: married))).Application;
        var item = (await matching.ListReviewItemsAsync(new ListReviewItemsRequest())).ReviewItems.Single();
        return (first, second, item);
    }
}
