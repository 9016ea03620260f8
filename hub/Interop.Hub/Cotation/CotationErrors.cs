namespace Interop.Hub.Cotation;

/// <summary>Reasons of the cotation service's own refusals, beside those of the core (CotationReasons).</summary>
internal static class CotationErrors
{
    /// <summary>No version of the grid is in force on the day asked.</summary>
    public const string NoGridInForce = "NO_GRID_IN_FORCE";

    /// <summary>The application's personal data were erased: nothing left to score.</summary>
    public const string ApplicationErased = "APPLICATION_ERASED";

    /// <summary>More active applications wish the commune than one ranking examines.</summary>
    public const string TooManyCandidates = "TOO_MANY_CANDIDATES";
}
