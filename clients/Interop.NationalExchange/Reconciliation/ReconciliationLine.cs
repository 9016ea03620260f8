namespace Interop.NationalExchange.Reconciliation;

/// <summary>One disagreement between the hub and what the national registry told us.</summary>
/// <param name="Category"><c>hub-only</c>, <c>national-only</c>, <c>status-mismatch</c> or <c>rejected-open</c>.</param>
/// <param name="Number">The application's number.</param>
/// <param name="HubStatus">ACT, RAD/&lt;motif&gt;, SUP or empty when the hub does not hold it.</param>
/// <param name="NationalStatus">The same for the national side; empty when it never acknowledged the number.</param>
/// <param name="Detail">A sentence for the operator.</param>
public sealed record ReconciliationLine(string Category, string Number, string HubStatus, string NationalStatus, string Detail)
{
    /// <summary>Held by the hub, never acknowledged nationally (not exported yet, rejected, or imported from elsewhere).</summary>
    public const string HubOnly = "hub-only";

    /// <summary>Acknowledged or radiated nationally, unknown to the hub.</summary>
    public const string NationalOnly = "national-only";

    /// <summary>Both hold it with different statuses.</summary>
    public const string StatusMismatch = "status-mismatch";

    /// <summary>A line the national registry rejected that no later acknowledgement resolved.</summary>
    public const string RejectedOpen = "rejected-open";
}
