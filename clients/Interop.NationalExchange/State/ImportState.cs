using Interop.NationalExchange.Files;

namespace Interop.NationalExchange.State;

/// <summary>
/// The return files imported so far (<c>import-state.json</c>), by identity and
/// SHA-256: the same file again is reported and not applied. The request ids
/// derived from each line make a second application harmless anyway; this
/// spares the calls and says so.
/// </summary>
internal sealed record ImportState
{
    public const string FileName = "import-state.json";

    public List<ImportedFile> Files { get; init; } = [];

    public static ImportState Load(string directory) => DurableJson.Load<ImportState>(Path.Combine(directory, FileName)) ?? new ImportState();

    public void Save(string directory) => DurableJson.Save(Path.Combine(directory, FileName), this);
}

/// <summary>One return file fully applied.</summary>
internal sealed record ImportedFile(string FileName, string Identity, string Sha256, string? ExportFile, int Lines);
