namespace Interop.Adapters.Sdk.State;

/// <summary>The whole state of an adapter, as the file store writes it (JSON).</summary>
internal sealed class AdapterStateData
{
    public string? OutboundMarker { get; set; }

    public List<ApplicationLink> Links { get; set; } = [];

    public List<string> AppliedChangeIds { get; set; } = [];

    public List<DeadLetter> DeadLetters { get; set; } = [];
}
