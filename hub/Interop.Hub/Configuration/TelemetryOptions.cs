namespace Interop.Hub.Configuration;

/// <summary>
/// The <c>Interop:Telemetry</c> section: where metrics and traces go. Everything is off by
/// default; the hub's meter and activity source exist regardless, so a test or a collector
/// attached later sees them.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// A cleartext HTTP/1.1 address (e.g. <c>http://0.0.0.0:9464</c>) serving the Prometheus
    /// scrape endpoint <c>GET /metrics</c> and nothing else, without credentials. Keep it off
    /// the public network: it names organisations and subscriptions. Unset: no scrape endpoint.
    /// </summary>
    public string? MetricsUrl { get; set; }

    /// <summary>
    /// An OpenTelemetry collector (OTLP over gRPC, e.g. <c>http://otel-collector:4317</c>) that
    /// receives the hub's metrics and traces. Unset: no export.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Whether traces are recorded (gRPC call → service → Npgsql). Default: only when <see cref="OtlpEndpoint"/> is set.</summary>
    public bool? Traces { get; set; }

    /// <summary>The share of traces kept, 0 to 1, when traces are on; a caller's sampled parent is always followed. Default 1.</summary>
    public double TraceSampling { get; set; } = 1.0;

    /// <summary>Whether traces are recorded.</summary>
    public bool TracesEnabled => Traces ?? !string.IsNullOrWhiteSpace(OtlpEndpoint);
}
