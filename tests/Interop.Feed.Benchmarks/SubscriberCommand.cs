namespace Interop.Feed.Benchmarks;

/// <summary>
/// What the benchmark tells its subscriber process, one JSON line each on the process' standard input, in this order
/// per phase: <see cref="Start"/> (answered once every subscriber caught up), <see cref="Drain"/> (answered once they
/// reached the head), <see cref="Report"/> (answered with each subscriber's tally, after their streams are closed).
/// </summary>
/// <param name="Label">The phase's label: the subscriptions are named after it, so every phase has fresh ones.</param>
/// <param name="After">The position the subscriptions start after (the head before the phase).</param>
/// <param name="SlowPauseMs">The slow subscriber's pause after each change, in ms; null: no slow subscriber.</param>
/// <param name="TimeoutSeconds">How long to wait for the catch-up (start) or for the head (drain).</param>
/// <param name="Head">The head every fast subscriber must reach (drain).</param>
internal sealed record SubscriberCommand(
    string Command, string? Label = null, int Subscribers = 0, long After = 0, double? SlowPauseMs = null, double TimeoutSeconds = 0, long Head = 0)
{
    public const string Start = "start";

    public const string Drain = "drain";

    public const string Report = "report";
}
