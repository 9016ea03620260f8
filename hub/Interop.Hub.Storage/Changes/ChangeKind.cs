namespace Interop.Hub.Storage.Changes;

/// <summary>The kinds of change written to the event log; stable strings, the feed exposes them.</summary>
public static class ChangeKind
{
    public const string Registered = "registered";
    public const string Imported = "imported";
    public const string Updated = "updated";
    public const string Renewed = "renewed";
    public const string Radiated = "radiated";
    public const string Reactivated = "reactivated";
    public const string Erased = "erased";
    public const string Merged = "merged";
    public const string Unmerged = "unmerged";
    public const string DeclaredDistinct = "declared_distinct";

    /// <summary>A landlord proposed the household for a dwelling.</summary>
    public const string Proposed = "proposed";

    /// <summary>A CAL decided on a proposed candidate.</summary>
    public const string CalDecided = "cal_decided";

    /// <summary>An offer followed the CAL's attribution.</summary>
    public const string Offered = "offered";

    /// <summary>The household answered the offer, or let its deadline pass.</summary>
    public const string OfferAnswered = "offer_answered";

    /// <summary>A criterion of a scoring grid was validated for the application (CotationService.RecordCriterionValidation).</summary>
    public const string CriterionValidated = "criterion_validated";
}
