namespace Interop.Adapters.Simulator.Erp;

/// <summary>Something that happened in the simulated ERP, for the console and the tests (no household data).</summary>
/// <param name="Kind">What: <see cref="FlowKinds"/>.</param>
/// <param name="Reference">The dossier's reference.</param>
/// <param name="Number">The hub's number when known.</param>
/// <param name="Detail">A code or a reason (no personal data).</param>
public sealed record FlowEvent(string Kind, string Reference, string? Number, string? Detail);
