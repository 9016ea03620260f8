namespace Interop.Adapters.Sql.State;

/// <summary>A row of <c>interop.links</c>.</summary>
internal sealed record LinkRow(string Number, string? ErpRecord, long Revision);
