using System.Diagnostics.Metrics;

namespace Interop.Adapters.Sdk.Diagnostics;

/// <summary>
/// The SDK's counters, on the meter <c>Interop.Adapters</c> tagged with the organisation:
/// <c>interop.adapter.pushed</c>, <c>.linked</c> (registrations linked to an existing number as duplicates), <c>.applied</c>, <c>.skipped</c>, <c>.retried</c>, <c>.dead_lettered</c> (tag <c>direction</c>),
/// and the gauges <c>interop.adapter.inbound.lag</c> (s, from the change's commit at the hub to its application),
/// <c>interop.adapter.inbound.lag_changes</c> (changes known at the hub not yet applied) and
/// <c>interop.adapter.outbound.lag</c> (s, from the ERP's commit to the push, when the ERP tells it).
/// </summary>
public sealed class AdapterMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Interop.Adapters";

    private readonly Meter meter;
    private readonly KeyValuePair<string, object?> organization;
    private readonly Counter<long> pushed;
    private readonly Counter<long> linked;
    private readonly Counter<long> applied;
    private readonly Counter<long> skipped;
    private readonly Counter<long> retried;
    private readonly Counter<long> deadLettered;
    private long pushedTotal;
    private long linkedTotal;
    private long appliedTotal;
    private long skippedTotal;
    private long retriedTotal;
    private long deadLetteredTotal;
    private double inboundLagSeconds;
    private long inboundLagChanges;
    private double outboundLagSeconds;

    /// <summary>The counters of the adapter of <paramref name="organizationId"/>.</summary>
    public AdapterMetrics(string organizationId)
    {
        meter = new Meter(MeterName);
        organization = new("organization", organizationId);
        pushed = meter.CreateCounter<long>("interop.adapter.pushed", "{change}", "ERP changes accepted by the hub (or linked to an existing application)");
        linked = meter.CreateCounter<long>("interop.adapter.linked", "{change}", "ERP registrations linked to the household's existing application (duplicates)");
        applied = meter.CreateCounter<long>("interop.adapter.applied", "{change}", "Hub changes applied to the ERP");
        skipped = meter.CreateCounter<long>("interop.adapter.skipped", "{change}", "Hub changes already applied, not applied again");
        retried = meter.CreateCounter<long>("interop.adapter.retried", "{attempt}", "ERP calls retried and revision mismatches re-applied");
        deadLettered = meter.CreateCounter<long>("interop.adapter.dead_lettered", "{change}", "Changes set aside with their reason");
        meter.CreateObservableGauge("interop.adapter.inbound.lag", () => new Measurement<double>(Volatile.Read(ref inboundLagSeconds), organization), "s");
        meter.CreateObservableGauge("interop.adapter.inbound.lag_changes", () => new Measurement<long>(Volatile.Read(ref inboundLagChanges), organization), "{change}");
        meter.CreateObservableGauge("interop.adapter.outbound.lag", () => new Measurement<double>(Volatile.Read(ref outboundLagSeconds), organization), "s");
    }

    /// <summary>Changes pushed so far by this process.</summary>
    public long Pushed => Interlocked.Read(ref pushedTotal);

    /// <summary>ERP registrations linked to an existing application so far by this process (counted in <see cref="Pushed"/> too).</summary>
    public long Linked => Interlocked.Read(ref linkedTotal);

    /// <summary>Hub changes applied so far by this process.</summary>
    public long Applied => Interlocked.Read(ref appliedTotal);

    /// <summary>Hub changes skipped as already applied so far by this process.</summary>
    public long Skipped => Interlocked.Read(ref skippedTotal);

    /// <summary>Retries so far by this process.</summary>
    public long Retried => Interlocked.Read(ref retriedTotal);

    /// <summary>Dead letters so far by this process.</summary>
    public long DeadLettered => Interlocked.Read(ref deadLetteredTotal);

    /// <summary>The last inbound lag in seconds.</summary>
    public double InboundLagSeconds => Volatile.Read(ref inboundLagSeconds);

    /// <summary>The last inbound lag in changes.</summary>
    public long InboundLagChanges => Volatile.Read(ref inboundLagChanges);

    internal void CountPushed()
    {
        Interlocked.Increment(ref pushedTotal);
        pushed.Add(1, organization);
    }

    internal void CountLinked()
    {
        Interlocked.Increment(ref linkedTotal);
        linked.Add(1, organization);
    }

    internal void CountApplied()
    {
        Interlocked.Increment(ref appliedTotal);
        applied.Add(1, organization);
    }

    internal void CountSkipped()
    {
        Interlocked.Increment(ref skippedTotal);
        skipped.Add(1, organization);
    }

    internal void CountRetried()
    {
        Interlocked.Increment(ref retriedTotal);
        retried.Add(1, organization);
    }

    internal void CountDeadLettered(string direction)
    {
        Interlocked.Increment(ref deadLetteredTotal);
        deadLettered.Add(1, organization, new("direction", direction));
    }

    internal void SetInboundLag(double seconds, long changes)
    {
        Volatile.Write(ref inboundLagSeconds, Math.Max(0, seconds));
        Volatile.Write(ref inboundLagChanges, Math.Max(0, changes));
    }

    internal void SetOutboundLag(double seconds) => Volatile.Write(ref outboundLagSeconds, Math.Max(0, seconds));

    /// <inheritdoc />
    public void Dispose() => meter.Dispose();
}
