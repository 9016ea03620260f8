namespace Interop.Hub.Core.Errors;

/// <summary>A quota is used up (a desk's monthly counter): maps to RESOURCE_EXHAUSTED with a QuotaFailure.</summary>
public sealed class QuotaExceededException(string reason, string subject, string message)
    : DomainException(reason, message)
{
    public string Subject { get; } = subject;
}
