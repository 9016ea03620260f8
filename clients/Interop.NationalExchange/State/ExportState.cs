using System.Text.Json;
using System.Text.Json.Serialization;
using Interop.NationalExchange.Files;

namespace Interop.NationalExchange.State;

/// <summary>
/// The state file beside the outbox (<c>export-state.json</c>): where the export
/// starts, and every published run. It is the authority on what was exported:
/// a run starts after the last recorded run, never after the hub's checkpoint
/// alone, because the checkpoint may be ahead of what was published (the client
/// library stores the read position when a failed run's subscription is disposed).
/// </summary>
internal sealed record ExportState
{
    public const string FileName = "export-state.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Where the first run started (the hub's checkpoint of the subscription when the state was created).</summary>
    public long OriginChangeSeq { get; init; }

    public List<ExportRunRecord> Runs { get; init; } = [];

    /// <summary>Where the next new run starts: after the last recorded run, or the origin.</summary>
    public long NextAfter => Runs.Count == 0 ? OriginChangeSeq : Runs[^1].ThroughChangeSeq;

    public static ExportState? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ExportState>(stream, Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>Writes the state durably: a temporary file flushed to disk, then renamed over the old one, so a crash leaves either the old or the new state, never half of one.</summary>
    public void Save(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        using (var stream = PrivateFile.Create(temporary))
        {
            JsonSerializer.Serialize(stream, this, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
