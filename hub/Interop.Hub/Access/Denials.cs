using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;

namespace Interop.Hub.Access;

/// <summary>
/// The refusals of access. An application the caller may not see gets the same
/// answer whether it exists or not, so a refusal never tells that a household
/// has an application (§13.3); only callers who may see everything learn
/// NOT_FOUND.
/// </summary>
internal static class Denials
{
    public static DomainException ApplicationNotVisible(Principal caller, string resourceName) =>
        AccessPolicy.NominativeReadScope(caller.Organization).All
            ? new NotFoundException("interop.v1.Application", resourceName)
            : new PermissionDeniedException($"Organisation {caller.OrganizationId} may not read or change {resourceName}, or it does not exist.");

    public static PermissionDeniedException NotAllowed(Principal caller, string what) =>
        new($"Organisation {caller.OrganizationId} ({caller.Organization.Kind}) may not {what}.");
}
