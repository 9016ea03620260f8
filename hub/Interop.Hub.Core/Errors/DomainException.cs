namespace Interop.Hub.Core.Errors;

/// <summary>
/// A refusal decided by the domain. The host maps each subclass to one gRPC
/// status with its details, in one place; nothing else turns into a status.
/// </summary>
public abstract class DomainException(string reason, string message) : Exception(message)
{
    /// <summary>One of <see cref="ErrorReasons"/>.</summary>
    public string Reason { get; } = reason;
}
