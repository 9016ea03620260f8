namespace Interop.Adapters.Conformance;

/// <summary>Waits for what an adapter's background loops do, polling, with a bound.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {timeoutSeconds} s: {what}");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<T> ForAsync<T>(Func<Task<T?>> read, string what, int timeoutSeconds = 30)
        where T : class
    {
        T? value = null;
        await UntilAsync(async () => (value = await read()) is not null, what, timeoutSeconds);
        return value!;
    }
}
