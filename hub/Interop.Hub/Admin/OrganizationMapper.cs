using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Core.Access;
using Interop.Hub.Storage.Access;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Admin;

/// <summary>Organisations and keys between the contract and the domain. Codes are trimmed and upper-cased on the way in.</summary>
internal static class OrganizationMapper
{
    public static string ResourceName(string organizationId) => "organizations/" + organizationId;

    public static string KeyResourceName(string organizationId, string keyId) => $"organizations/{organizationId}/apiKeys/{keyId}";

    public static Organization ToDomain(V1.Organization o, string id, DateTimeOffset now) => new()
    {
        Id = id,
        DisplayName = o.DisplayName.Trim(),
        Kind = (OrganizationKind)(int)o.Kind,
        Territory = TerritoryOf(o.Territory),
        StockCommuneCodes = Codes(o.StockCommuneCodes),
        RegisteringDesks = Codes(o.RegisteringDesks),
        CreatedAt = now,
    };

    public static Territory TerritoryOf(V1.Territory? t) => t is null
        ? new Territory()
        : new Territory { Departements = Codes(t.Departements), CommuneCodes = Codes(t.CommuneCodes), EpciSirens = Codes(t.EpciSirens) };

    public static List<string> Codes(IEnumerable<string> codes) => codes.Select(c => c.Trim().ToUpperInvariant()).ToList();

    public static V1.Organization ToProto(Organization o) => new()
    {
        Name = ResourceName(o.Id),
        OrganizationId = o.Id,
        DisplayName = o.DisplayName,
        Kind = (V1.OrganizationKind)(int)o.Kind,
        Territory = new V1.Territory
        {
            Departements = { o.Territory.Departements },
            CommuneCodes = { o.Territory.CommuneCodes },
            EpciSirens = { o.Territory.EpciSirens },
        },
        StockCommuneCodes = { o.StockCommuneCodes },
        RegisteringDesks = { o.RegisteringDesks },
        Revision = o.Revision,
        CreateTime = Timestamp.FromDateTimeOffset(o.CreatedAt),
    };

    public static V1.ApiKey ToProto(StoredApiKey key) => new()
    {
        Name = KeyResourceName(key.OrganizationId, key.KeyId),
        KeyId = key.KeyId,
        DisplayName = key.DisplayName,
        CreateTime = Utc(key.CreatedAt),
        ExpireTime = key.ExpiresAt is { } expires ? Utc(expires) : null,
        RevokeTime = key.RevokedAt is { } revoked ? Utc(revoked) : null,
    };

    private static Timestamp Utc(DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
