using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Client.Tests.Feed;

/// <summary>
/// A hub process killed with SIGKILL and restarted on the same database and
/// port while a writer registers applications and a subscriber follows the
/// feed, both through the library: the subscriber yields every change once,
/// in order, and a new subscriber resumes after its acknowledgement.
/// </summary>
public sealed class HubKilledSubscriptionTests
{
    private const int Registrations = 40;

    [Fact]
    public async Task HubKilledAndRestarted_SubscriptionYieldsEveryChangeOnceInOrder_AndResumesAfterItsAcknowledgement()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("clientkill");
        var first = await ExternalHubProcess.StartAsync(connectionString);
        ExternalHubProcess? second = null;
        try
        {
            string writerKey, readerKey;
            using (var channel = GrpcChannel.ForAddress(first.Address))
            {
                writerKey = await HubAccess.IssueKeyAsync(channel, ClientHub.Landlord("writer", "KW001"));
                readerKey = await HubAccess.IssueKeyAsync(channel, TestOrganizations.Of("reader", OrganizationKind.StateService, departements: ["14"]));
            }

            // Enough attempts to outlast a restart of the hub (a few seconds).
            using var writer = InteropClient.Create(new InteropClientOptions
            {
                Address = first.Address,
                ApiKey = writerKey,
                Retry = new InteropRetryOptions { MaxAttempts = 40, MaxDelay = TimeSpan.FromMilliseconds(500) },
            });
            using var logs = new RecordedLogs();
            using var reader = InteropClient.Create(new InteropClientOptions { Address = first.Address, ApiKey = readerKey, LoggerFactory = logs.Factory });
            var seen = new List<long>();
            using var stop = new CancellationTokenSource();
            var subscription = reader.Subscribe(new FeedSubscriptionOptions
            {
                SubscriptionId = "national",
                AcknowledgeEvery = 7,
                ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            });
            var reading = Task.Run(async () =>
            {
                try
                {
                    await foreach (var change in subscription.ReadAllAsync(stop.Token))
                    {
                        lock (seen)
                        {
                            seen.Add(change.ChangeSeq);
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            });

            var numbers = new List<string>();
            for (var i = 0; i < Registrations; i++)
            {
                if (i == Registrations / 2)
                {
                    var pending = writer.Registry.CreateApplicationAsync(TestApplications.Create("KW001")).ResponseAsync;
                    first.Kill();
                    second = await ExternalHubProcess.StartAsync(connectionString, port: first.Address.Port);
                    numbers.Add((await pending).Application.Number);
                    continue;
                }

                numbers.Add((await writer.Registry.CreateApplicationAsync(TestApplications.Create("KW001"))).Application.Number);
            }

            var head = await FeedHead.WhenSequencedAsync(connectionString);
            await WaitUntilAsync(() => Last(seen) >= head, reading);
            await stop.CancelAsync();
            await reading;
            await subscription.DisposeAsync();

            var stored = await new DatabaseProbe(connectionString).QueryAsync<string>("SELECT number FROM applications WHERE registering_desk = 'KW001'");
            Assert.Equal(Registrations, stored.Count);
            Assert.Equal(numbers.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            Assert.Equal(Registrations, head);
            Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), seen);
            Assert.True(logs.Count(2) >= 1, "the subscription never reconnected");
            Assert.Equal(head, subscription.AcknowledgedPosition);
            Assert.Equal(head, await FeedSubscriptionTests.StoredCheckpointAsync(reader, "national"));

            for (var i = 0; i < 3; i++)
            {
                await writer.Registry.CreateApplicationAsync(TestApplications.Create("KW001"));
            }

            using var nextReader = new InteropClient(first.Address, readerKey);
            await using var resumed = nextReader.Subscribe(new FeedSubscriptionOptions { SubscriptionId = "national", StopWhenCaughtUp = true });
            await FeedHead.WhenSequencedAsync(connectionString);
            Assert.Equal([head + 1, head + 2, head + 3], await FeedSubscriptionTests.ReadAllAsync(resumed));
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    private static long Last(List<long> seen)
    {
        lock (seen)
        {
            return seen.Count == 0 ? 0 : seen[^1];
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task reading)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (reading.IsCompleted)
            {
                await reading;
                throw new InvalidOperationException("The subscription ended early.");
            }

            Assert.True(DateTime.UtcNow < deadline, "The subscriber did not reach the head within 30 s.");
            await Task.Delay(50);
        }
    }
}
