using Interop.Hub.Configuration;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Feed;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Feed;

/// <summary>Deletes changes older than the configured retention; subscribers behind it get CHECKPOINT_EXPIRED.</summary>
internal sealed class FeedPruning(
    RegistryDatabase database, FeedStore feed, TimeProvider time, IOptions<InteropOptions> options, ILogger<FeedPruning> logger)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var pruned = await feed.PruneAsync(connection, time.GetUtcNow() - options.Value.ChangeRetention, cancellationToken);
        if (pruned > 0)
        {
            FeedLog.Pruned(logger, pruned, options.Value.ChangeRetention);
        }

        return pruned;
    }
}
