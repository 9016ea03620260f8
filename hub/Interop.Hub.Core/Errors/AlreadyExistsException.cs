namespace Interop.Hub.Core.Errors;

/// <summary>The resource (a number, a household) already exists: maps to ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string reason, string resourceName, string message)
    : DomainException(reason, message)
{
    public string ResourceName { get; } = resourceName;
}
