namespace Interop.Hub.Core.Access;

/// <summary>The authenticated caller: its organisation and the key it used (null for the bootstrap key).</summary>
public sealed record Principal(Organization Organization, string? KeyId)
{
    public string OrganizationId => Organization.Id;
}
