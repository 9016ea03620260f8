namespace Interop.Hub.Configuration;

/// <summary>The <c>Interop</c> configuration section (environment: <c>Interop__Name</c>).</summary>
public sealed class InteropOptions
{
    public const string Section = "Interop";

    /// <summary>How long request ids are remembered for idempotent replay. Default 10 days; at least 7.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(10);

    /// <summary>How often the renewal job looks for expired applications. Default 1 hour.</summary>
    public TimeSpan RenewalJobInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether this process runs the periodic jobs. Default true; several replicas may all run them safely.</summary>
    public bool RunJobs { get; set; } = true;
}
