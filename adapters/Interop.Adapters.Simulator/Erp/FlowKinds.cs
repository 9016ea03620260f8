namespace Interop.Adapters.Simulator.Erp;

/// <summary>The kinds of <see cref="FlowEvent"/>.</summary>
public static class FlowKinds
{
    public const string Registered = "registered";
    public const string Updated = "updated";
    public const string Renewed = "renewed";
    public const string Radiated = "radiated";
    public const string LeaseSigned = "lease-signed";
    public const string Received = "received";
    public const string ReceivedUpdate = "received-update";
    public const string ReceivedRadiation = "received-radiation";
    public const string Refused = "refused";
}
