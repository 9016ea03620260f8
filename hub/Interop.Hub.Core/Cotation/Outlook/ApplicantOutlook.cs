using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation.Scoring;

namespace Interop.Hub.Core.Cotation.Outlook;

/// <summary>What the applicant must be told (domain §5): the score, the wait of similar applications, the position.</summary>
public sealed record ApplicantOutlook
{
    public required CotationScore Score { get; init; }

    /// <summary>The typology the comparison is made for.</summary>
    public required Typology Typology { get; init; }

    public required ScoreBand Band { get; init; }

    /// <summary>First day of the attribution window (12 months back from the day, excluded day before).</summary>
    public required DateOnly WindowStart { get; init; }

    /// <summary>Leases signed in the window by similar applications.</summary>
    public required int SimilarAttributions { get; init; }

    /// <summary>Mean of their waits from first filing to lease, in whole days (half up); null when none.</summary>
    public int? AverageWaitDays { get; init; }

    /// <summary>1 for the first among similar active applications (the applicant included).</summary>
    public required int Position { get; init; }

    /// <summary>Similar active applications, the applicant included.</summary>
    public required int SimilarActive { get; init; }
}
