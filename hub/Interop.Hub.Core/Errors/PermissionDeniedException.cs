namespace Interop.Hub.Core.Errors;

/// <summary>
/// The caller may not do this: maps to PERMISSION_DENIED. The message never
/// says whether the application exists or what it holds.
/// </summary>
public sealed class PermissionDeniedException(string message)
    : DomainException(ErrorReasons.PermissionDenied, message);
