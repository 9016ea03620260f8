namespace Interop.Feed.Benchmarks;

/// <summary>What the subscriber process answers, one JSON line each on its standard output.</summary>
/// <param name="Slow">Whether a <see cref="Tally"/> is the slow subscriber's.</param>
/// <param name="Message">Why the process stopped (<see cref="Failed"/>).</param>
internal sealed record SubscriberEvent(string Event, SubscriberReport? Tally = null, bool Slow = false, string? Message = null)
{
    public const string CaughtUp = "caughtUp";

    public const string Drained = "drained";

    /// <summary>One subscriber's tally; the report is one of these per subscriber, then <see cref="Reported"/>.</summary>
    public const string Tallied = "tally";

    public const string Reported = "reported";

    /// <summary>The process failed (a subscriber did not catch up, a stream failed); it exits after this.</summary>
    public const string Failed = "error";
}
