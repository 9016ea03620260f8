namespace Interop.Hub.Core.Errors;

/// <summary>The caller's expected revision is stale: maps to ABORTED with the current revision.</summary>
public sealed class RevisionMismatchException(string resourceName, long expected, long current)
    : DomainException(ErrorReasons.RevisionMismatch, $"{resourceName} is at revision {current}, not {expected}; read it again.")
{
    public string ResourceName { get; } = resourceName;

    public long Expected { get; } = expected;

    public long Current { get; } = current;
}
