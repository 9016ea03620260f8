namespace Interop.Adapters.Sdk.State;

/// <summary>An ERP record linked to the hub's application.</summary>
/// <param name="Number">The hub's number (opaque, up to 20 characters).</param>
/// <param name="ErpRecordId">The ERP's record, or null when the application is known from the feed only.</param>
/// <param name="Revision">The last revision this adapter pushed or applied.</param>
public sealed record ApplicationLink(string Number, string? ErpRecordId, long Revision);
