using System.Text.Json;

namespace Interop.Adapters.Sql.Erp;

/// <summary>
/// Dossiers cross the wire to PostgreSQL as JSON (<c>to_jsonb</c>, <c>jsonb_populate_record</c>): one mapping for
/// the table, the outbox payloads and the writes, with the table's own snake_case names.
/// </summary>
public static class DossierJson
{
    /// <summary>snake_case, as the table's columns.</summary>
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>A dossier from <c>to_jsonb(d)</c> or an outbox payload.</summary>
    public static DossierRow Parse(string json) =>
        JsonSerializer.Deserialize<DossierRow>(json, Options) ?? throw new InvalidDataException("A dossier's JSON is null.");

    /// <summary>A lease from an outbox payload (<c>to_jsonb</c> of an <c>erp.baux</c> row).</summary>
    public static BailRow ParseLease(string json) =>
        JsonSerializer.Deserialize<BailRow>(json, Options) ?? throw new InvalidDataException("A lease's JSON is null.");

    /// <summary>A dossier for <c>jsonb_populate_record</c>.</summary>
    public static string Write(DossierRow row) => JsonSerializer.Serialize(row, Options);
}
