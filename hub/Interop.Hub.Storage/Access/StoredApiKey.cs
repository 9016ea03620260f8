namespace Interop.Hub.Storage.Access;

/// <summary>A row of <c>api_keys</c>.</summary>
public sealed class StoredApiKey
{
    public string KeyId { get; init; } = "";
    public string OrganizationId { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public byte[] SecretHash { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; init; }
}
