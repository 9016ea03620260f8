namespace Interop.Adapters.Tests;

/// <summary>A landlord joined to a test hub.</summary>
public sealed record Landlord(string OrganizationId, string ApiKey, string Desk);
