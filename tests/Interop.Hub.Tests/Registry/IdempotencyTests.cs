using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Registry;

public sealed class IdempotencyTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private DatabaseProbe probe = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("idempotency");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        probe = new DatabaseProbe(hub.ConnectionString);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task CreateApplication_ReplayedWithSameRequestId_ReturnsSameNumberAndWritesNothing()
    {
        var request = TestApplications.Create("B0001");
        var first = await registry.CreateApplicationAsync(request);
        var before = await probe.CountAsync();

        var replay = await registry.CreateApplicationAsync(request);

        Assert.Equal(first, replay);
        Assert.Equal(before, await probe.CountAsync());
    }

    [Fact]
    public async Task CreateApplication_SameRequestIdDifferentRequest_IsRejectedAsReused()
    {
        var request = TestApplications.Create("B0001");
        await registry.CreateApplicationAsync(request);
        var before = await probe.CountAsync();
        var other = request.Clone();
        other.Application.Applicant.LastName = "Martin";

        var status = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument, () => registry.CreateApplicationAsync(other).ResponseAsync, "REQUEST_ID_REUSED");

        Assert.Contains("request_id", RpcAssert.ViolatedFields(status));
        Assert.Equal(before, await probe.CountAsync());
    }

    [Fact]
    public async Task CreateApplication_SameRequestIdSentConcurrently_RegistersOnce()
    {
        var request = TestApplications.Create("B0001");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => registry.CreateApplicationAsync(request).ResponseAsync));

        Assert.Single(answers.Select(a => a.Application.Number).Distinct());
        var stored = await probe.QueryAsync<long>("SELECT count(*) FROM applications WHERE registering_desk = 'B0001'");
        Assert.Equal(1, stored.Single());
    }

    [Fact]
    public async Task UpdateApplication_Replayed_AppliesOnceAndReturnsTheFirstAnswer()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var update = new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, CurrentHousing = HousingSituation.Hotel },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        };

        var first = await registry.UpdateApplicationAsync(update);
        var replay = await registry.UpdateApplicationAsync(update);

        Assert.Equal(first, replay);
        Assert.Equal(2, (await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Name })).Revision);
    }

    [Fact]
    public async Task UpdateApplication_StaleRevision_IsAbortedWithCurrentRevisionAndChangesNothing()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, CurrentHousing = HousingSituation.Hotel },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        });
        var before = await probe.CountAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.Aborted, () => registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, CurrentHousing = HousingSituation.Squat },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        }).ResponseAsync, "REVISION_MISMATCH");

        Assert.Equal("2", status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["current_revision"]);
        Assert.Equal(before, await probe.CountAsync());
        var stored = await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Name });
        Assert.Equal(HousingSituation.Hotel, stored.CurrentHousing);
    }

    [Fact]
    public async Task RequestIds_AreForgottenOnlyAfterTheRetentionPeriod()
    {
        var request = TestApplications.Create("B0001");
        var first = await registry.CreateApplicationAsync(request);
        var pruning = (Interop.Hub.Idempotency.IdempotencyPruning)hub.Services.GetService(typeof(Interop.Hub.Idempotency.IdempotencyPruning))!;

        hub.Clock.Advance(TimeSpan.FromDays(7));
        await pruning.RunOnceAsync(CancellationToken.None);
        Assert.Equal(first, await registry.CreateApplicationAsync(request));

        // Forgotten, the id no longer replays the answer: the request is new,
        // and the hub recognises the household it already registered.
        hub.Clock.Advance(TimeSpan.FromDays(4));
        Assert.True(await pruning.RunOnceAsync(CancellationToken.None) >= 1);
        var status = await RpcAssert.FailsAsync(
            StatusCode.AlreadyExists, () => registry.CreateApplicationAsync(request).ResponseAsync, "DUPLICATE_APPLICATION");
        Assert.Equal(first.Application.Name, status.GetDetail<Google.Rpc.ResourceInfo>().ResourceName);
    }
}
