using System.Security.Cryptography;
using Google.Protobuf;
using Interop.Hub.Core.Errors;
using Interop.Hub.Diagnostics;
using Interop.Hub.Feed;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Idempotency;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Interop.Hub.Idempotency;

/// <summary>
/// Runs one mutation as the write flow of the architecture prescribes: one
/// transaction that claims the request id, does the work (rows and change
/// records), stores the answer and commits; then a NOTIFY for the change feed.
/// A request replayed with its id gets the stored answer and changes nothing.
/// </summary>
internal sealed class IdempotentWriter(
    RegistryDatabase database, IdempotencyStore idempotency, CommitInstants commits, TimeProvider time, HubMetrics metrics, ILogger<IdempotentWriter> logger)
{
    // Serialisation failures and deadlocks roll the whole transaction back, the
    // claim included, so running it again is safe; so is a dropped connection
    // before commit. A few quick retries hide them from the caller.
    internal static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<PostgresException>(e => e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
                .Handle<NpgsqlException>(e => e.IsTransient),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(50),
            UseJitter = true,
        })
        .Build();

    public async Task<TResponse> RunAsync<TRequest, TResponse>(
        string caller, string requestId, string method, TRequest request,
        Func<NpgsqlTransaction, DateTimeOffset, CancellationToken, Task<TResponse>> work,
        CancellationToken cancellationToken,
        Func<TResponse, TResponse>? storedForm = null)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        var requestHash = HashWithoutRequestId(request);
        var (response, replayed) = await Retry.ExecuteAsync(
            async token =>
            {
                await using var connection = await database.OpenAsync(token);
                await using var transaction = await connection.BeginTransactionAsync(token);
                var now = time.GetUtcNow();
                var claim = await idempotency.ClaimAsync(transaction, caller, requestId, method, requestHash, now, token);
                switch (claim)
                {
                    case IdempotencyClaim.Replay replay:
                        var replayed = new TResponse();
                        replayed.MergeFrom(replay.Response);
                        return (replayed, true);
                    case IdempotencyClaim.Conflict:
                        throw new ValidationException(
                            "request_id",
                            "This request id was already used for a different request; use a new id for a new request.",
                            ErrorReasons.RequestIdReused);
                }

                var answer = await work(transaction, now, token);
                // What a replay will get; a secret shown once is stored without it.
                var stored = storedForm is null ? answer : storedForm(answer.Clone());
                await idempotency.CompleteAsync(transaction, caller, requestId, stored.ToByteArray(), token);
                await transaction.CommitAsync(token);
                var committed = time.GetUtcNow();
                metrics.RecordCommitDelay(committed - now);
                commits.Record(now, committed);
                return (answer, false);
            },
            cancellationToken);

        if (replayed)
        {
            IdempotencyLog.Replayed(logger, method, requestId);
            return response;
        }

        try
        {
            await database.NotifyChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException)
        {
            // The change is committed; streams will still find it by polling.
            IdempotencyLog.AnnounceFailed(logger, exception, method);
        }

        return response;
    }

    /// <summary>
    /// The fingerprint of a request, without its id: the same id may only come
    /// back with the same request. Protobuf serialisation of one message object
    /// graph is stable within a hub version, which is what replay needs.
    /// </summary>
    internal static byte[] HashWithoutRequestId<TRequest>(TRequest request)
        where TRequest : IMessage<TRequest>
    {
        var copy = request.Clone();
        var field = copy.Descriptor.FindFieldByName("request_id");
        field?.Accessor.SetValue(copy, "");
        return SHA256.HashData(copy.ToByteArray());
    }
}
