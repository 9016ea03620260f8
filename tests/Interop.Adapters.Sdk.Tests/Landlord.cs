namespace Interop.Adapters.Sdk.Tests;

/// <summary>A landlord joined to the test hub.</summary>
public sealed record Landlord(string OrganizationId, string ApiKey, string Desk);
