using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Client.Tests.Retries;

/// <summary>Transient failures are retried with the same request id, so the hub applies a mutation once; answers are never retried.</summary>
public sealed class RetryTests(ClientHub fixture) : IClassFixture<ClientHub>
{
    [Fact]
    public async Task CreateApplication_AnswerLostAfterTheHubCommitted_IsRetriedWithTheSameGeneratedRequestId()
    {
        using var handler = new FailingHandler("CreateApplication", dropAfterCommit: 1);
        using var client = fixture.Client(o => o.HttpMessageHandler = handler);
        var probe = new DatabaseProbe(fixture.Hub.ConnectionString);
        var before = await probe.CountAsync();
        var request = TestApplications.Create(ClientHub.Desk);
        request.RequestId = "";

        var created = (await client.Registry.CreateApplicationAsync(request)).Application;

        Assert.Equal(2, handler.Attempts);
        var after = await probe.CountAsync();
        Assert.Equal(before.Applications + 1, after.Applications);
        Assert.Equal(before.RequestIds + 1, after.RequestIds);
        var change = Assert.Single(await probe.ChangesAsync(created.Number));
        Assert.True(Guid.TryParse(change.RequestId, out _), $"the hub stored request id '{change.RequestId}'");
        Assert.Equal("", request.RequestId);
    }

    [Fact]
    public async Task UpdateApplication_AnswerLostTwice_IsAppliedOnceUnderTheCallersRequestId()
    {
        using var client = fixture.Client();
        var created = (await client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk))).Application;
        using var handler = new FailingHandler("UpdateApplication", dropAfterCommit: 2);
        using var flaky = fixture.Client(o => o.HttpMessageHandler = handler);
        var changed = created.Clone();
        changed.CurrentHousing = HousingSituation.Hotel;
        var requestId = Guid.NewGuid().ToString();

        var updated = await flaky.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = requestId,
            Application = changed,
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        });

        Assert.Equal(3, handler.Attempts);
        Assert.Equal(2, updated.Revision);
        var changes = await new DatabaseProbe(fixture.Hub.ConnectionString).ChangesAsync(created.Number);
        Assert.Equal([1L, 2L], changes.Select(c => c.Revision));
        Assert.Equal(requestId, changes[1].RequestId);
    }

    [Fact]
    public async Task CreateApplication_AttemptOverItsDefaultDeadline_IsRetriedAndAppliedOnce()
    {
        // The deadline cuts the first attempt's stalled answer, and must leave the retry (a replay of
        // the stored answer) time enough on a loaded machine: a deadline under a second did not.
        using var handler = new FailingHandler("CreateApplication", dropAfterCommit: 1, stall: TimeSpan.FromMinutes(2));
        using var client = fixture.Client(o =>
        {
            o.HttpMessageHandler = handler;
            o.DefaultDeadline = TimeSpan.FromSeconds(10);
        });
        var request = TestApplications.Create(ClientHub.Desk);

        var created = (await client.Registry.CreateApplicationAsync(request)).Application;

        Assert.Equal(2, handler.Attempts);
        var change = Assert.Single(await new DatabaseProbe(fixture.Hub.ConnectionString).ChangesAsync(created.Number));
        Assert.Equal(request.RequestId, change.RequestId);
    }

    [Fact]
    public async Task CreateApplication_RefusedAsInvalid_IsSentOnce()
    {
        using var handler = new FailingHandler("CreateApplication");
        using var client = fixture.Client(o => o.HttpMessageHandler = handler);
        var application = TestApplications.Valid();
        application.Departement = "20";

        await Assert.ThrowsAsync<InvalidArgumentException>(() => client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk, application)).ResponseAsync);

        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task CreateApplication_AlwaysUnavailable_GivesUpAfterMaxAttempts()
    {
        using var handler = new FailingHandler("CreateApplication", dropAfterCommit: int.MaxValue);
        using var logs = new RecordedLogs();
        using var client = fixture.Client(o =>
        {
            o.HttpMessageHandler = handler;
            o.LoggerFactory = logs.Factory;
            o.Retry = new InteropRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };
        });
        var request = TestApplications.Create(ClientHub.Desk);

        var failure = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => client.Registry.CreateApplicationAsync(request).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(3, handler.Attempts);
        Assert.Equal(2, logs.Count(1));
        // Every attempt reached the hub and committed once under the one request id.
        var stored = await new DatabaseProbe(fixture.Hub.ConnectionString).QueryAsync<long>(
            "SELECT count(*) FROM changes WHERE request_id = @id", new { id = request.RequestId });
        Assert.Equal([1L], stored);
    }
}
