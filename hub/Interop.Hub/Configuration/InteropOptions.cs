using Interop.Hub.Storage.Statistics;

namespace Interop.Hub.Configuration;

/// <summary>The <c>Interop</c> configuration section (environment: <c>Interop__Name</c>).</summary>
public sealed class InteropOptions
{
    public const string Section = "Interop";

    /// <summary>Minimum length of the bootstrap key in Production.</summary>
    public const int MinimumProductionBootstrapKeyLength = 32;

    /// <summary>
    /// A secret that authenticates as the built-in hub administrator, to create
    /// the first organisations and keys of a fresh deployment. Unset: no
    /// bootstrap key. In Production it must be at least 32 characters or the
    /// hub refuses to start.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>How long request ids are remembered for idempotent replay. Default 10 days; at least 7.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(10);

    /// <summary>How often the periodic jobs run (renewal radiations, erasure, pruning). Default 1 hour.</summary>
    public TimeSpan RenewalJobInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long personal data of a radiated application are kept before erasure. Default 365 days.</summary>
    public TimeSpan PersonalDataRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Whether this process runs the periodic jobs. Default true; several replicas may all run them safely.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>
    /// An extra cleartext <b>HTTP/1.1</b> address (e.g. <c>http://127.0.0.1:5081</c>) for the HTTP/JSON door,
    /// for clients that cannot speak HTTP/2 prior knowledge (PHP, old Java). Unset: none; the HTTP/JSON
    /// door still answers over h2c on the <c>--urls</c> addresses. Behind TLS one port serves both
    /// protocols through ALPN, so this is for cleartext deployments and local runs.
    /// </summary>
    public string? HttpJsonUrl { get; set; }

    /// <summary>Calls per second each organisation may make (token bucket). Default 100.</summary>
    public int RateLimitPerSecond { get; set; } = 100;

    /// <summary>Calls an organisation may burst above its rate. Default 200.</summary>
    public int RateLimitBurst { get; set; } = 200;

    /// <summary>
    /// The most records of one OnboardApplications stream the hub writes in one transaction. Default 100:
    /// a batch takes the advisory locks of every household it holds (about ten each) until it commits,
    /// and PostgreSQL's shared lock table holds 64 per connection by default.
    /// </summary>
    public int OnboardingBatchSize { get; set; } = 100;

    /// <summary>
    /// How long an OnboardApplications batch waits for more records once its first has arrived. Default
    /// 5 ms: a sender writing records one after another gets them written together rather than the first
    /// alone. Machine time, not the hub's clock (a frozen test clock must not hang a sender).
    /// </summary>
    public TimeSpan OnboardingBatchWindow { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Applications the cotation rescoring job scores per transaction (a publication's territory, the
    /// rows the date moved), and the projection per statement batch. Default 500: each page holds its
    /// applications' rows FOR SHARE for well under a second, whatever the territory's size.
    /// </summary>
    public int CotationRescoringPageSize { get; set; } = 500;

    /// <summary>
    /// The most rows of the observatory's tables this process keeps between calls of GetTerritoryIndicators
    /// (Storage/Statistics/IndicatorRowCache.cs), least recently used territories dropped first. Default 2,000,000
    /// (about 120 MB, 56 to 64 bytes a row): a dozen commune families of a 3,000,000-application file.
    /// </summary>
    public long IndicatorCacheRows { get; set; } = IndicatorRowCache.DefaultMaxRows;

    /// <summary>How often the feed looks for new changes when no notification arrives. Default 1 second.</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long changes stay in the feed; a checkpoint older than this gets CHECKPOINT_EXPIRED. Default 30 days.</summary>
    public TimeSpan ChangeRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The official geography's <c>communes.json</c> (npm package <c>@etalab/decoupage-administratif</c>).
    /// Unset: the file installed by <c>npm ci --prefix hub/geography</c>, looked for from the hub's
    /// folders upwards; absent, birth places are compared as typed.
    /// </summary>
    public string? GeographyFile { get; set; }

    /// <summary>
    /// An extra cleartext HTTP/2 address (e.g. <c>http://0.0.0.0:8081</c>) serving only
    /// <c>grpc.health.v1.Health</c>, for orchestrator probes: Kubernetes' gRPC probes speak no TLS.
    /// It carries no credentials, so the Production cleartext rule does not apply to it. Unset: none.
    /// </summary>
    public string? ProbeUrl { get; set; }

    /// <summary>Metrics and traces: the Prometheus scrape address and the OTLP collector. Default: none.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>TLS: the server certificate and the accepted client certificates. Default: none (cleartext HTTP/2).</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>
    /// Whether a Production hub may listen in cleartext (h2c, or the HTTP/1.1 JSON door) on an
    /// address other than loopback, e.g. behind a proxy or mesh sidecar that terminates TLS.
    /// Default false: such a hub refuses to start. Cleartext on loopback, and every address
    /// outside Production, is always allowed.
    /// </summary>
    public bool AllowCleartext { get; set; }

    /// <summary>A stream is ended gracefully after this long so load rebalances across replicas; clients resume. Default 30 minutes.</summary>
    public TimeSpan FeedStreamLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
