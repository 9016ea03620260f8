using Interop.Hub.Core.Access;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Access;

namespace Interop.Hub.Access;

/// <summary>
/// Reads an API key with its owner, one read of a key at a time: calls of the same key that arrive
/// while its read is under way share the next read, which starts as soon as that one ends. Every call is
/// answered by a read that began after it arrived, so a revocation committed before a call still refuses
/// it; calls of different keys never wait for each other, and a call alone reads at once, on its own task.
/// </summary>
/// <remarks>
/// Fifty feed subscribers of one key acknowledge the same change at the same moment (the client library
/// acknowledges every hundred changes). Each call read its key on a pooled connection of its own, so the
/// pool grew from 8-13 to 52 PostgreSQL backends, each starting with cold caches and unprepared
/// statements: issue 15's paced benchmark (50 writes/s) measured PostgreSQL's CPU per write 7.9 → 10.1
/// and 7.9 → 9.6 ms from 1 to 50 subscribers, flat with the pool held to 16, and the other client's unary
/// p99 2.2× its p99 with one subscriber (0.7× and 1.2× with the pool held). Such a burst now costs two reads.
/// </remarks>
internal sealed class KeyReads(RegistryDatabase database, OrganizationStore organizations)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, KeyState> keys = new(StringComparer.Ordinal);

    public async Task<(StoredApiKey? Key, Organization? Owner)> ReadAsync(string keyId, CancellationToken cancellationToken)
    {
        TaskCompletionSource<(StoredApiKey?, Organization?)>? next = null;
        lock (gate)
        {
            if (keys.TryGetValue(keyId, out var state))
            {
                next = state.Waiting ??= new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else
            {
                keys[keyId] = new KeyState();
            }
        }

        if (next is not null)
        {
            return await next.Task.WaitAsync(cancellationToken);
        }

        try
        {
            return await ReadOnceAsync(keyId, cancellationToken);
        }
        finally
        {
            HandOn(keyId);
        }
    }

    /// <summary>After a read: the calls that queued meanwhile get the next one, on a task of its own (their calls, not this one, wait for it).</summary>
    private void HandOn(string keyId)
    {
        lock (gate)
        {
            if (keys[keyId].Waiting is null)
            {
                keys.Remove(keyId);
                return;
            }
        }

        _ = Task.Run(() => ReadQueuedAsync(keyId), CancellationToken.None);
    }

    private async Task ReadQueuedAsync(string keyId)
    {
        while (true)
        {
            TaskCompletionSource<(StoredApiKey?, Organization?)> batch;
            lock (gate)
            {
                var state = keys[keyId];
                if (state.Waiting is null)
                {
                    keys.Remove(keyId);
                    return;
                }

                // Every call in this batch arrived before the read below starts.
                batch = state.Waiting;
                state.Waiting = null;
            }

            try
            {
                batch.TrySetResult(await ReadOnceAsync(keyId, CancellationToken.None));
            }
            catch (Exception exception)
            {
                batch.TrySetException(exception);
            }
        }
    }

    private async Task<(StoredApiKey?, Organization?)> ReadOnceAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await organizations.GetKeyWithOwnerAsync(connection, keyId, cancellationToken);
    }

    private sealed class KeyState
    {
        /// <summary>The calls waiting for the next read (none yet: null).</summary>
        public TaskCompletionSource<(StoredApiKey?, Organization?)>? Waiting { get; set; }
    }
}
