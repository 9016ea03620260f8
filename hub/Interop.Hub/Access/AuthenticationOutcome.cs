using Interop.Hub.Core.Access;

namespace Interop.Hub.Access;

/// <summary>The principal a bearer token stands for, or why it stands for none.</summary>
internal sealed record AuthenticationOutcome(Principal? Principal, string? Failure)
{
    public static AuthenticationOutcome Success(Principal principal) => new(principal, null);

    public static AuthenticationOutcome Refused(string failure) => new(null, failure);
}
