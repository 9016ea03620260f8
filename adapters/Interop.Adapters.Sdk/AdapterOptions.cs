namespace Interop.Adapters.Sdk;

/// <summary>Settings of an adapter, usually bound from the configuration section given to <c>AddInteropAdapter</c>.</summary>
public sealed class AdapterOptions
{
    /// <summary>The landlord's organisation id at the hub (the one of the API key). Required: request ids are derived from it.</summary>
    public string OrganizationId { get; set; } = "";

    /// <summary>The feed subscription's id (a-z, 0-9, '-', 1..63). Default <c>adapter</c>.</summary>
    public string SubscriptionId { get; set; } = "adapter";

    /// <summary>The registering desk used when an <see cref="Outbound.ErpChange"/> names none. Default empty (then the change must name one).</summary>
    public string RegisteringDesk { get; set; } = "";

    /// <summary>The départements whose changes the inbound path follows; empty = all the organisation may see.</summary>
    public IList<string> Departements { get; } = [];

    /// <summary>Runs the outbound path (ERP → hub). Default true.</summary>
    public bool Outbound { get; set; } = true;

    /// <summary>Runs the inbound path (hub → ERP). Default true.</summary>
    public bool Inbound { get; set; } = true;

    /// <summary>How long the outbound path waits when the source has nothing new. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most ERP changes read per call of the source. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many registrations of different ERP records the outbound path pushes at once. Default 1 (one
    /// change at a time, as the journal lists them). Above 1, consecutive registrations go together while
    /// any other change still goes alone and in order; the state store must then take concurrent calls for
    /// different records (the SDK's in-memory and file stores do).
    /// </summary>
    public int OutboundConcurrency { get; set; } = 1;

    /// <summary>
    /// From how many consecutive registrations of distinct records on the outbound path will the SDK send them
    /// through one bulk-onboarding stream (OnboardApplications: the hub writes them in batches, one transaction each) instead of one call
    /// each. Default 20: an initial load of a landlord's stock goes in bulk, a desk's day one by one. 0 turns the
    /// bulk path off.
    /// </summary>
    public int BulkThreshold { get; set; } = 20;

    /// <summary>How many times a <c>REVISION_MISMATCH</c> is re-read and re-applied before the change is dead-lettered. Default 3.</summary>
    public int RevisionRetries { get; set; } = 3;

    /// <summary>How long a loop waits after a failure it could not handle (hub unreachable after the client's retries, ERP circuit open) before it starts again from its stored position. Default 5 s.</summary>
    public TimeSpan FailureDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest pause between two attempts of the inbound path to reconnect to the change feed (the delays
    /// start at 200 ms and double, jittered, up to this). Default 5 s, not the client library's 30 s: after a hub
    /// restart the ERP should catch up within seconds, and an adapter is a single subscriber per landlord, so
    /// its attempts cost the hub little.
    /// </summary>
    public TimeSpan FeedReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed to each ERP call (source read or sink apply), per attempt. Default 30 s.</summary>
    public TimeSpan ErpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a failed ERP call (not of a refusal). Default 3.</summary>
    public int ErpRetries { get; set; } = 3;

    /// <summary>First delay between ERP retries, doubling, jittered. Default 200 ms.</summary>
    public TimeSpan ErpRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the ERP circuit stays open after half of at least 10 calls in 30 s failed. Default 15 s.</summary>
    public TimeSpan ErpBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
