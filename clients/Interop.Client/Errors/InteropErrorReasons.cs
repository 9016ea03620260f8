namespace Interop.Client;

/// <summary>
/// The stable reasons of the hub's refusals (<see cref="InteropException.Reason"/>,
/// <c>ErrorInfo.reason</c> in domain <c>interop</c>), as listed in the
/// contract's error table (protos/README.md).
/// </summary>
public static class InteropErrorReasons
{
    /// <summary>The domain of every reason below.</summary>
    public const string Domain = "interop";

    /// <summary>INVALID_ARGUMENT: a field is missing or malformed (<see cref="InvalidArgumentException"/>).</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>INVALID_ARGUMENT: a <c>request_id</c> came back with a different request (<see cref="InvalidArgumentException"/>).</summary>
    public const string RequestIdReused = "REQUEST_ID_REUSED";

    /// <summary>NOT_FOUND: no such resource (<see cref="NotFoundException"/>).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>ABORTED: <c>expected_revision</c> is not the current revision (<see cref="RevisionMismatchException"/>).</summary>
    public const string RevisionMismatch = "REVISION_MISMATCH";

    /// <summary>FAILED_PRECONDITION: the life cycle forbids the call now (<see cref="PreconditionFailedException"/>).</summary>
    public const string IllegalTransition = "ILLEGAL_TRANSITION";

    /// <summary>ALREADY_EXISTS: the household already has an active application in the département (<see cref="DuplicateApplicationException"/>).</summary>
    public const string DuplicateApplication = "DUPLICATE_APPLICATION";

    /// <summary>ALREADY_EXISTS: an imported number is already in the registry (<see cref="AlreadyExistsException"/>).</summary>
    public const string NumberTaken = "NUMBER_TAKEN";

    /// <summary>RESOURCE_EXHAUSTED: a desk's monthly counter is used up (<see cref="QuotaExceededException"/>).</summary>
    public const string CounterExhausted = "COUNTER_EXHAUSTED";

    /// <summary>FAILED_PRECONDITION: another landlord signed a lease with the household (<see cref="PreconditionFailedException"/>).</summary>
    public const string AttributedElsewhere = "ATTRIBUTED_ELSEWHERE";

    /// <summary>FAILED_PRECONDITION: a feed position older than the retention (<see cref="CheckpointExpiredException"/>).</summary>
    public const string CheckpointExpired = "CHECKPOINT_EXPIRED";

    /// <summary>PERMISSION_DENIED: the caller may not do this, or see this application (<see cref="PermissionDeniedException"/>).</summary>
    public const string PermissionDenied = "PERMISSION_DENIED";

    /// <summary>ALREADY_EXISTS: an organisation id is already taken (<see cref="AlreadyExistsException"/>).</summary>
    public const string OrganizationExists = "ORGANIZATION_EXISTS";

    /// <summary>ALREADY_EXISTS: a desk is already taken (<see cref="AlreadyExistsException"/>).</summary>
    public const string DeskTaken = "DESK_TAKEN";

    /// <summary>RESOURCE_EXHAUSTED: the organisation is over its rate limit (<see cref="QuotaExceededException"/>); retried by the client.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>UNAUTHENTICATED: no key, or a malformed, unknown, expired or revoked one (<see cref="UnauthenticatedException"/>).</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>FAILED_PRECONDITION: a past state (<c>as_of</c>) asked of a time before the hub kept the application's history (<see cref="PreconditionFailedException"/>).</summary>
    public const string HistoryNotRecorded = "HISTORY_NOT_RECORDED";

    /// <summary>FAILED_PRECONDITION: counting by EPCI on a hub without the official geography (<see cref="PreconditionFailedException"/>).</summary>
    public const string GeographyUnavailable = "GEOGRAPHY_UNAVAILABLE";

    /// <summary>INVALID_ARGUMENT: a cotation grid file was refused; the field violations name each JSON path and line (<see cref="InvalidArgumentException"/>).</summary>
    public const string InvalidGrid = "INVALID_GRID";

    /// <summary>FAILED_PRECONDITION: a cotation grid version overlaps or repeats a published one (<see cref="PreconditionFailedException"/>).</summary>
    public const string OverlappingVersion = "OVERLAPPING_GRID_VERSION";

    /// <summary>FAILED_PRECONDITION: no version of the cotation grid is in force on the day asked (<see cref="PreconditionFailedException"/>).</summary>
    public const string NoGridInForce = "NO_GRID_IN_FORCE";

    /// <summary>FAILED_PRECONDITION: the application's personal data were erased, nothing left to score (<see cref="PreconditionFailedException"/>).</summary>
    public const string ApplicationErased = "APPLICATION_ERASED";

    /// <summary>FAILED_PRECONDITION: more active applications wish the commune than one ranking examines (<see cref="PreconditionFailedException"/>).</summary>
    public const string TooManyCandidates = "TOO_MANY_CANDIDATES";
}
