using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interop.NationalExchange.Files;

/// <summary>
/// The job's small state files: read whole, written to a temporary file flushed
/// to disk and renamed over the old one, so a crash leaves the old or the new
/// state, never half of one.
/// </summary>
internal static class DurableJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static T? Load<T>(string path)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidDataException($"{path} is empty.");
    }

    public static void Save<T>(string path, T value)
    {
        var temporary = path + ".tmp";
        using (var stream = PrivateFile.Create(temporary))
        {
            JsonSerializer.Serialize(stream, value, Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
