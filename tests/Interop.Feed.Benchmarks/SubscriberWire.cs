using System.Text.Json;

namespace Interop.Feed.Benchmarks;

/// <summary>The JSON lines the benchmark and its subscriber process exchange (<see cref="SubscriberCommand"/>, <see cref="SubscriberEvent"/>).</summary>
internal static class SubscriberWire
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync<T>(TextWriter writer, T message)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(message, Json));
        await writer.FlushAsync();
    }

    public static T Read<T>(string line) =>
        JsonSerializer.Deserialize<T>(line, Json) ?? throw new InvalidOperationException($"not a {typeof(T).Name}: {line}");
}
