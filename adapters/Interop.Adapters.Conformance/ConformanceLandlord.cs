namespace Interop.Adapters.Conformance;

/// <summary>A landlord the kit joined to its hub for one test: what the adapter under test connects as.</summary>
/// <param name="OrganizationId">Its organisation id at the hub.</param>
/// <param name="ApiKey">Its API key.</param>
/// <param name="Desk">Its registering desk.</param>
/// <param name="Hub">The hub's address (h2c).</param>
public sealed record ConformanceLandlord(string OrganizationId, string ApiKey, string Desk, Uri Hub);
