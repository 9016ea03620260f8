using Interop.Contracts.V1;

namespace Interop.Adapters.Sdk.Outbound;

/// <summary>One local change of the ERP, as the integrator's <see cref="IErpChangeSource"/> reports it.</summary>
public sealed class ErpChange
{
    /// <summary>
    /// The ERP's own id of this change, stable across reads (an outbox row id, a journal sequence).
    /// The hub request id is derived from it and the organisation, so pushing the same change twice
    /// (after a crash) never registers twice. Required.
    /// </summary>
    public required string ChangeId { get; init; }

    /// <summary>The ERP's id of the household record; the SDK links it to the hub's number. Required.</summary>
    public required string ErpRecordId { get; init; }

    /// <summary>What the change does.</summary>
    public required ErpChangeKind Kind { get; init; }

    /// <summary>
    /// The marker the SDK stores once this change is pushed (or dead-lettered) and hands back to
    /// <see cref="IErpChangeSource.ReadChangesAsync"/>; changes come in marker order. Required.
    /// </summary>
    public required string Marker { get; init; }

    /// <summary>
    /// The household in the contract's shape, without codes the ERP spells its own way (those go in
    /// <see cref="Codes"/>). Required for <see cref="ErpChangeKind.Register"/> and
    /// <see cref="ErpChangeKind.Update"/>; optional for a renewal (the changed data declared at renewal).
    /// </summary>
    public Application? Application { get; init; }

    /// <summary>ERP codes the SDK maps through the configuration's tables and writes into <see cref="Application"/>.</summary>
    public IReadOnlyList<ErpCode> Codes { get; init; } = [];

    /// <summary>
    /// The contract field paths this change sets (the update mask), for an update or a renewal that
    /// declares changes, e.g. <c>current_housing</c>, <c>resources</c>. Empty: a plain renewal.
    /// </summary>
    public IReadOnlyList<string> ChangedFields { get; init; } = [];

    /// <summary>The registering desk (<c>B0001</c>…) for a registration; default <see cref="AdapterOptions.RegisteringDesk"/>.</summary>
    public string? RegisteringDesk { get; init; }

    /// <summary>The ERP's radiation reason code for <see cref="ErpChangeKind.Radiate"/>, mapped through the <c>radiation_reason</c> table.</summary>
    public string? RadiationReasonCode { get; init; }

    /// <summary>The dwelling and the steps of an <see cref="ErpChangeKind.Attribute"/> change; required with that kind, ignored otherwise.</summary>
    public ErpAttribution? Attribution { get; init; }

    /// <summary>When the ERP committed the change, for the lag counter; null when the ERP does not know.</summary>
    public DateTimeOffset? ChangedAt { get; init; }
}
