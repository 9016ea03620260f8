namespace Interop.Adapters.Sdk.State;

/// <summary>A change set aside with the reason it failed; the loop went on without it.</summary>
public sealed record DeadLetter
{
    /// <summary>The dead letter's own id (for replay).</summary>
    public required Guid Id { get; init; }

    /// <summary>Which way the change was going.</summary>
    public required DeadLetterDirection Direction { get; init; }

    /// <summary>The change's id: the ERP change id (outbound) or the hub's <c>change_id</c> (inbound).</summary>
    public required string ChangeId { get; init; }

    /// <summary>The ERP record concerned (outbound), or null.</summary>
    public string? ErpRecordId { get; init; }

    /// <summary>The hub's application name (<c>applications/{number}</c>) concerned, or null.</summary>
    public string? Application { get; init; }

    /// <summary>Why it failed, as the hub, the mapping or the ERP said it.</summary>
    public required string Reason { get; init; }

    /// <summary>When it was set aside (UTC).</summary>
    public required DateTimeOffset DeadLetteredAt { get; init; }

    /// <summary>The hub change in protobuf binary form (inbound), for replay; null outbound.</summary>
    public byte[]? HubChange { get; init; }

    /// <summary>The ERP change as the SDK serialized it (outbound), for replay; null inbound.</summary>
    public byte[]? ErpChange { get; init; }
}
