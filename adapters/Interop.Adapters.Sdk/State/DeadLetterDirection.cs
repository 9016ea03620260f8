namespace Interop.Adapters.Sdk.State;

/// <summary>Which way a dead-lettered change was going.</summary>
public enum DeadLetterDirection
{
    /// <summary>An ERP change the hub (or the mapping) refused.</summary>
    Outbound = 1,

    /// <summary>A hub change the ERP refused.</summary>
    Inbound = 2,
}
