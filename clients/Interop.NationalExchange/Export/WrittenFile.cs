namespace Interop.NationalExchange.Export;

/// <summary>A file written and validated in its temporary place, not yet published.</summary>
internal sealed record WrittenFile(string TemporaryPath, long Through, IReadOnlyDictionary<string, int> DemandesByType, IReadOnlyList<ExportSkip> Skipped, string Sha256);
