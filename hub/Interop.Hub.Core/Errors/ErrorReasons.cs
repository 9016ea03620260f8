namespace Interop.Hub.Core.Errors;

/// <summary>
/// The stable reasons carried in <c>google.rpc.ErrorInfo</c> (domain
/// <see cref="Domain"/>). Clients branch on these strings: never rename one.
/// </summary>
public static class ErrorReasons
{
    public const string Domain = "interop";

    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string NotFound = "NOT_FOUND";
    public const string RevisionMismatch = "REVISION_MISMATCH";
    public const string IllegalTransition = "ILLEGAL_TRANSITION";
    public const string DuplicateApplication = "DUPLICATE_APPLICATION";
    public const string NumberTaken = "NUMBER_TAKEN";
    public const string CounterExhausted = "COUNTER_EXHAUSTED";
    public const string AttributedElsewhere = "ATTRIBUTED_ELSEWHERE";
    public const string CheckpointExpired = "CHECKPOINT_EXPIRED";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string OrganizationExists = "ORGANIZATION_EXISTS";
    public const string DeskTaken = "DESK_TAKEN";
    public const string RateLimited = "RATE_LIMITED";
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>A past state asked of a time before the hub kept the application's history (migration 0007).</summary>
    public const string HistoryNotRecorded = "HISTORY_NOT_RECORDED";

    /// <summary>Counting by EPCI without the official geography installed.</summary>
    public const string GeographyUnavailable = "GEOGRAPHY_UNAVAILABLE";

    /// <summary>A cotation grid file was refused; the field violations name each JSON path and line.</summary>
    public const string InvalidGrid = "INVALID_GRID";

    /// <summary>A cotation grid version overlaps or repeats a version already published for the same grid.</summary>
    public const string OverlappingVersion = "OVERLAPPING_GRID_VERSION";

    /// <summary>No version of the cotation grid is in force on the day asked.</summary>
    public const string NoGridInForce = "NO_GRID_IN_FORCE";

    /// <summary>The application's personal data were erased: nothing left to score.</summary>
    public const string ApplicationErased = "APPLICATION_ERASED";

    /// <summary>More active applications wish the commune than one ranking examines.</summary>
    public const string TooManyCandidates = "TOO_MANY_CANDIDATES";
}
