using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Client.Tests.Errors;

/// <summary>Each refusal of a real hub arrives as its typed exception, with the details the hub sent, and still as an RpcException.</summary>
public sealed class TypedExceptionTests(ClientHub fixture) : IClassFixture<ClientHub>, IDisposable
{
    private readonly InteropClient client = fixture.Client();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task CreateApplication_WithBadFields_ThrowsInvalidArgumentNamingEveryField()
    {
        var application = TestApplications.Valid();
        application.Departement = "20";
        application.Applicant.FirstNames.Clear();

        var refusal = await Assert.ThrowsAsync<InvalidArgumentException>(
            () => client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk, application)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.InvalidArgument, refusal.Reason);
        Assert.Equal("interop", refusal.Domain);
        Assert.Contains(refusal.FieldViolations, v => v.Field == "application.departement" && v.Description.Length > 0);
        Assert.Contains(refusal.FieldViolations, v => v.Field == "application.applicant.first_names");
    }

    [Fact]
    public async Task CreateApplication_SameRequestIdWithAnotherRequest_ThrowsInvalidArgumentRequestIdReused()
    {
        var request = TestApplications.Create(ClientHub.Desk);
        await client.Registry.CreateApplicationAsync(request);
        var other = TestApplications.Create(ClientHub.Desk);
        other.RequestId = request.RequestId;

        var refusal = await Assert.ThrowsAsync<InvalidArgumentException>(() => client.Registry.CreateApplicationAsync(other).ResponseAsync);

        Assert.Equal(InteropErrorReasons.RequestIdReused, refusal.Reason);
        Assert.Equal("request_id", Assert.Single(refusal.FieldViolations).Field);
    }

    [Fact]
    public async Task UpdateApplication_WithStaleRevision_ThrowsRevisionMismatchWithTheCurrentRevision()
    {
        var created = (await client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk))).Application;
        var changed = created.Clone();
        changed.CurrentHousing = HousingSituation.Hotel;
        await client.Registry.UpdateApplicationAsync(Update(changed, 1));

        var refusal = await Assert.ThrowsAsync<RevisionMismatchException>(() => client.Registry.UpdateApplicationAsync(Update(changed, 1)).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.RevisionMismatch, refusal.Reason);
        Assert.Equal(created.Name, refusal.ResourceName);
        Assert.Equal(2, refusal.CurrentRevision);
        Assert.Equal(1, refusal.ExpectedRevision);
    }

    [Fact]
    public async Task CreateApplication_SameHouseholdTwiceInTheDepartement_ThrowsDuplicateNamingTheExistingNumber()
    {
        var name = TestApplications.UniqueName();
        var first = (await client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk, TestApplications.Valid(name)))).Application;

        var refusal = await Assert.ThrowsAsync<DuplicateApplicationException>(
            () => client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk, TestApplications.Valid(name))).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.DuplicateApplication, refusal.Reason);
        var existing = Assert.Single(refusal.ExistingApplications);
        Assert.Equal(first.Name, existing.ResourceName);
        Assert.Equal(first.Number, existing.Number);
        Assert.NotEmpty(existing.Explanation);
        Assert.IsAssignableFrom<AlreadyExistsException>(refusal);
    }

    [Fact]
    public async Task RenewApplication_RightAfterRegistration_ThrowsPreconditionFailedIllegalTransition()
    {
        var created = (await client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk))).Application;

        var refusal = await Assert.ThrowsAsync<PreconditionFailedException>(() => client.Registry.RenewApplicationAsync(new RenewApplicationRequest
        {
            Name = created.Name,
            ExpectedRevision = 1,
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.IllegalTransition, refusal.Reason);
        Assert.Equal(created.Name, refusal.Subject);
        Assert.NotEmpty(refusal.Description);
    }

    [Fact]
    public async Task GetApplication_UnknownNumberAsAdministrator_ThrowsNotFound()
    {
        using var admin = new InteropClient(fixture.Hub.Address, HubAccess.BootstrapKey);

        var refusal = await Assert.ThrowsAsync<NotFoundException>(
            () => admin.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/014260399999999999" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.NotFound, refusal.Reason);
        Assert.Equal("applications/014260399999999999", refusal.ResourceName);
        Assert.Throws<NotFoundException>(() => admin.Registry.GetApplication(new GetApplicationRequest { Name = "applications/014260399999999999" }));
    }

    [Fact]
    public async Task ListOrganizations_AsLandlord_ThrowsPermissionDenied()
    {
        var refusal = await Assert.ThrowsAsync<PermissionDeniedException>(() => client.Admin.ListOrganizationsAsync(new ListOrganizationsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.PermissionDenied, refusal.Reason);
    }

    [Fact]
    public async Task CreateOrganization_WithATakenId_ThrowsAlreadyExistsOrganizationExists()
    {
        using var admin = new InteropClient(fixture.Hub.Address, HubAccess.BootstrapKey);

        var refusal = await Assert.ThrowsAsync<AlreadyExistsException>(() => admin.Admin.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = ClientHub.Landlord("client-landlord", "ZZ001"),
        }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.OrganizationExists, refusal.Reason);
    }

    [Fact]
    public async Task Subscribe_AsAStatisticsReader_EndsTheLoopWithPermissionDeniedAtOnce()
    {
        var key = await HubAccess.IssueKeyAsync(fixture.Hub.Channel, TestOrganizations.Of("client-statistics", OrganizationKind.StatisticsReader));
        using var statistics = new InteropClient(fixture.Hub.Address, key);
        await using var subscription = statistics.Subscribe(new FeedSubscriptionOptions { SubscriptionId = "stats" });
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var refusal = await Assert.ThrowsAsync<PermissionDeniedException>(async () =>
        {
            await foreach (var change in subscription.ReadAllAsync(limit.Token))
            {
            }
        });

        Assert.Equal(InteropErrorReasons.PermissionDenied, refusal.Reason);
    }

    [Fact]
    public async Task AnyCall_WithAnUnknownKey_ThrowsUnauthenticated()
    {
        using var stranger = new InteropClient(fixture.Hub.Address, "ik_unknown_key_of_nobody");

        var refusal = await Assert.ThrowsAsync<UnauthenticatedException>(() => stranger.Registry.ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(InteropErrorReasons.Unauthenticated, refusal.Reason);
    }

    [Fact]
    public async Task TypedException_IsStillAnRpcExceptionWithTheHubsStatusDetails()
    {
        var application = TestApplications.Valid();
        application.Departement = "20";

        var refusal = await Assert.ThrowsAnyAsync<RpcException>(
            () => client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk, application)).ResponseAsync);

        Assert.IsType<InvalidArgumentException>(refusal);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", refusal.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
    }

    [Fact]
    public async Task RefusalOverARawChannel_IsTypedByFrom()
    {
        var raw = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(fixture.Hub.Channel, fixture.Key));

        var plain = await Assert.ThrowsAsync<RpcException>(() => raw.GetApplicationAsync(new GetApplicationRequest { Name = "nonsense" }).ResponseAsync);

        var typed = Assert.IsType<InvalidArgumentException>(InteropException.From(plain));
        Assert.Equal("name", Assert.Single(typed.FieldViolations).Field);
    }

    private static UpdateApplicationRequest Update(Application application, long expectedRevision) => new()
    {
        Application = application,
        UpdateMask = new FieldMask { Paths = { "current_housing" } },
        ExpectedRevision = expectedRevision,
    };
}
