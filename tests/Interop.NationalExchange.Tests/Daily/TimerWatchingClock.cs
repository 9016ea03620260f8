using Microsoft.Extensions.Time.Testing;

namespace Interop.NationalExchange.Tests.Daily;

/// <summary>
/// The hub's fake clock, telling when the first timer is created on it: a test learns that a worker
/// is waiting for its time (its delay registered, so advancing the clock now fires it) instead of
/// sleeping and hoping it is.
/// </summary>
internal sealed class TimerWatchingClock(FakeTimeProvider clock) : TimeProvider
{
    private readonly TaskCompletionSource<TimeSpan> firstTimer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The due time of the first timer created.</summary>
    public Task<TimeSpan> FirstTimer => firstTimer.Task;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = clock.CreateTimer(callback, state, dueTime, period);
        firstTimer.TrySetResult(dueTime);
        return timer;
    }
}
