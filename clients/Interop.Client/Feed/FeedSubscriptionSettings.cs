using Interop.Contracts.V1;

namespace Interop.Client;

/// <summary>The options of a subscription, checked and frozen when it is created.</summary>
internal sealed record FeedSubscriptionSettings(
    string SubscriptionId,
    IReadOnlyList<ChangeKind> Kinds,
    IReadOnlyList<string> Departements,
    IReadOnlyList<string> WishedCommuneCodes,
    bool IncludeOwnChanges,
    long StartAfterChangeSeq,
    int AcknowledgeEvery,
    TimeSpan AcknowledgeInterval,
    bool AcknowledgeAutomatically,
    TimeSpan ReconnectBaseDelay,
    TimeSpan ReconnectMaxDelay,
    bool StopWhenCaughtUp)
{
    public static FeedSubscriptionSettings From(FeedSubscriptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SubscriptionId))
        {
            throw new ArgumentException("FeedSubscriptionOptions.SubscriptionId is required.", nameof(options));
        }

        if (options.StartAfterChangeSeq < 0)
        {
            throw new ArgumentException("FeedSubscriptionOptions.StartAfterChangeSeq must not be negative.", nameof(options));
        }

        if (options.AcknowledgeEvery < 1)
        {
            throw new ArgumentException("FeedSubscriptionOptions.AcknowledgeEvery must be at least 1.", nameof(options));
        }

        if (options.AcknowledgeInterval <= TimeSpan.Zero || options.ReconnectBaseDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            throw new ArgumentException(
                "FeedSubscriptionOptions.AcknowledgeInterval and ReconnectBaseDelay must be positive, and ReconnectMaxDelay not shorter than ReconnectBaseDelay.",
                nameof(options));
        }

        return new FeedSubscriptionSettings(
            options.SubscriptionId,
            [.. options.Kinds],
            [.. options.Departements],
            [.. options.WishedCommuneCodes],
            options.IncludeOwnChanges,
            options.StartAfterChangeSeq ?? 0,
            options.AcknowledgeEvery,
            options.AcknowledgeInterval,
            options.AcknowledgeAutomatically,
            options.ReconnectBaseDelay,
            options.ReconnectMaxDelay,
            options.StopWhenCaughtUp);
    }

    public SubscribeRequest Request(long after) => new()
    {
        SubscriptionId = SubscriptionId,
        StartAfterChangeSeq = after,
        Kinds = { Kinds },
        Departements = { Departements },
        WishedCommuneCodes = { WishedCommuneCodes },
        IncludeOwnChanges = IncludeOwnChanges,
    };

    /// <summary>The delay before connection attempt <paramref name="failures"/> + 1: exponential, capped, with jitter so that many subscribers do not reconnect in step.</summary>
    public TimeSpan ReconnectDelay(int failures)
    {
        var exponential = ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 30));
        var capped = Math.Min(exponential, ReconnectMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }
}
