namespace Interop.Hub.Core.Errors;

/// <summary>No such resource (or not visible to the caller): maps to NOT_FOUND with a ResourceInfo.</summary>
public sealed class NotFoundException(string resourceType, string resourceName)
    : DomainException(ErrorReasons.NotFound, $"{resourceName} does not exist.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}
