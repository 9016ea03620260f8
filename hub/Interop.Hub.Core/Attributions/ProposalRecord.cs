namespace Interop.Hub.Core.Attributions;

/// <summary>A landlord's proposal of a household for a dwelling, and where its attribution stands.</summary>
public sealed record ProposalRecord
{
    public required Guid Id { get; init; }

    public required string ApplicationNumber { get; init; }

    /// <summary>The proposing landlord: the only organisation that records the next steps.</summary>
    public required string LandlordId { get; init; }

    public required Candidate Candidate { get; init; }

    public ProposalState State { get; init; } = ProposalState.Proposed;

    public CalDecision? CalDecision { get; init; }

    public Offer? Offer { get; init; }

    public Lease? Lease { get; init; }

    /// <summary>
    /// With a rejection for inadmissibility: the day the hub radiates the
    /// application (RADIRR), one month after the notification; null once the
    /// warning is settled (radiated, or the application left the active state
    /// another way).
    /// </summary>
    public DateOnly? InadmissibilityRadiationDue { get; init; }

    /// <summary>The application's revision after this proposal's last step.</summary>
    public long ApplicationRevision { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
