namespace Interop.Adapters.Tests;

/// <summary>Waits for what a background worker does, polling, with a bound.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {timeoutSeconds} s: {what}");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int timeoutSeconds = 30) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeoutSeconds);
}
