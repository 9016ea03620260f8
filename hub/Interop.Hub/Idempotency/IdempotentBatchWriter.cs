using Google.Protobuf;
using Interop.Hub.Core.Errors;
using Interop.Hub.Feed;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Idempotency;
using Npgsql;

namespace Interop.Hub.Idempotency;

/// <summary>
/// <see cref="IdempotentWriter"/> for a batch of requests of one caller and one method (bulk onboarding):
/// one transaction claims every request id in one statement, replays those already answered, refuses ids
/// reused for another request, lets the work decide the new ones together, stores their answers in one
/// statement and commits; then one NOTIFY. Each request gets the answer it would get alone, and a batch
/// sent again after a crash answers every done request as before, never doing it twice.
/// </summary>
internal sealed class IdempotentBatchWriter(
    RegistryDatabase database, IdempotencyStore idempotency, CommitInstants commits, TimeProvider time, ILogger<IdempotentBatchWriter> logger)
{
    /// <param name="requests">Requests with distinct ids.</param>
    /// <param name="work">Decides the requests (by index into <paramref name="requests"/>) whose ids were new, in the transaction; one answer per index, in order.</param>
    public async Task<IReadOnlyList<BatchAnswer<TResponse>>> RunAsync<TRequest, TResponse>(
        string caller, string method, IReadOnlyList<(string RequestId, TRequest Request)> requests,
        Func<NpgsqlTransaction, IReadOnlyList<int>, DateTimeOffset, CancellationToken, Task<IReadOnlyList<BatchAnswer<TResponse>>>> work,
        CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var claims = requests
            .Select(r => new ClaimedRequest(r.RequestId, method, IdempotentWriter.HashWithoutRequestId(r.Request)))
            .ToList();

        // The whole batch is one transaction: a serialisation failure, a deadlock or a dropped connection
        // rolls every claim back with the work, so running it again is safe (the single path's retries).
        var (answers, written) = await IdempotentWriter.Retry.ExecuteAsync(
            async token =>
            {
                await using var connection = await database.OpenAsync(token);
                await using var transaction = await connection.BeginTransactionAsync(token);
                var now = time.GetUtcNow();
                var claimed = await idempotency.ClaimManyAsync(transaction, caller, claims, now, token);
                var answers = new BatchAnswer<TResponse>[requests.Count];
                var fresh = new List<int>();
                for (var i = 0; i < requests.Count; i++)
                {
                    switch (claimed[i])
                    {
                        case IdempotencyClaim.Replay replay:
                            var replayed = new TResponse();
                            replayed.MergeFrom(replay.Response);
                            answers[i] = new BatchAnswer<TResponse>(replayed, null, Replayed: true);
                            IdempotencyLog.Replayed(logger, method, requests[i].RequestId);
                            break;
                        case IdempotencyClaim.Conflict:
                            answers[i] = BatchAnswer<TResponse>.Refused(new ValidationException(
                                "request_id",
                                "This request id was already used for a different request; use a new id for a new request.",
                                ErrorReasons.RequestIdReused));
                            break;
                        default:
                            fresh.Add(i);
                            break;
                    }
                }

                var written = 0;
                if (fresh.Count > 0)
                {
                    var decided = await work(transaction, fresh, now, token);
                    var done = new List<int>();
                    var released = new List<string>();
                    for (var k = 0; k < fresh.Count; k++)
                    {
                        answers[fresh[k]] = decided[k];
                        if (decided[k].Response is not null)
                        {
                            done.Add(fresh[k]);
                        }
                        else
                        {
                            released.Add(requests[fresh[k]].RequestId);
                        }
                    }

                    if (done.Count > 0)
                    {
                        await idempotency.CompleteManyAsync(
                            transaction, caller, done.Select(i => requests[i].RequestId).ToList(), done.Select(i => answers[i].Response!.ToByteArray()).ToList(), token);
                    }

                    if (released.Count > 0)
                    {
                        await idempotency.ReleaseManyAsync(transaction, caller, released, token);
                    }

                    written = done.Count;
                }

                await transaction.CommitAsync(token);
                commits.Record(now, time.GetUtcNow());
                return (answers, written);
            },
            cancellationToken);

        if (written > 0)
        {
            try
            {
                await database.NotifyChangesAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException)
            {
                // The changes are committed; streams will still find them by polling.
                IdempotencyLog.AnnounceFailed(logger, exception, method);
            }
        }

        return answers;
    }
}
