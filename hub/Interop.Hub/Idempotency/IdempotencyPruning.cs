using Interop.Hub.Configuration;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Idempotency;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Idempotency;

/// <summary>Forgets request ids older than the configured retention (never less than the 7 days the contract promises).</summary>
internal sealed class IdempotencyPruning(
    RegistryDatabase database, IdempotencyStore store, TimeProvider time, IOptions<InteropOptions> options, ILogger<IdempotencyPruning> logger)
{
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(7);

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.IdempotencyRetention < MinimumRetention ? MinimumRetention : options.Value.IdempotencyRetention;
        await using var connection = await database.OpenAsync(cancellationToken);
        var pruned = await store.PruneAsync(connection, time.GetUtcNow() - retention, cancellationToken);
        if (pruned > 0)
        {
            IdempotencyLog.Pruned(logger, pruned, retention);
        }

        return pruned;
    }
}
