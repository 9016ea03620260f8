namespace Interop.Hub.Core.Errors;

/// <summary>
/// The state of the resource forbids the call (an illegal transition, a lease
/// held elsewhere…): maps to FAILED_PRECONDITION with a PreconditionFailure.
/// </summary>
public sealed class PreconditionException(string reason, string subject, string message)
    : DomainException(reason, message)
{
    /// <summary>What the precondition is about, e.g. <c>applications/014…</c>.</summary>
    public string Subject { get; } = subject;

    public static PreconditionException IllegalTransition(string subject, string message) =>
        new(ErrorReasons.IllegalTransition, subject, message);
}
