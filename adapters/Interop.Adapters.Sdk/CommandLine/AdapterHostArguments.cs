namespace Interop.Adapters.Sdk.CommandLine;

/// <summary>What every adapter host reads from its command line (<see cref="AdapterHostOptions"/>).</summary>
/// <param name="Hub">The hub's address (h2c locally, https in deployment).</param>
/// <param name="ApiKey">The landlord's API key, from <c>--api-key</c> or <c>INTEROP_API_KEY</c>.</param>
/// <param name="Organization">The landlord's organisation id at the hub.</param>
/// <param name="Desk">The registering desk of its registrations (default <c>B0001</c>).</param>
/// <param name="ConfigFile">A JSON file with the landlord's <c>Adapter:Mappings</c> tables, or null.</param>
public sealed record AdapterHostArguments(Uri Hub, string ApiKey, string Organization, string Desk, string? ConfigFile);
