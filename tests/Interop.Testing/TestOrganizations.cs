using Interop.Contracts.V1;

namespace Interop.Testing;

/// <summary>Organisations the tests join the hub with.</summary>
public static class TestOrganizations
{
    /// <summary>The default caller of the tests: a landlord with stock in the Calvados (Caen) and the Orne (Alençon), running desks B0001–B0003.</summary>
    public static Organization Registrar() => new()
    {
        OrganizationId = "test-registrar",
        DisplayName = "Test registrar landlord",
        Kind = OrganizationKind.Landlord,
        StockCommuneCodes = { "14118", "61001" },
        RegisteringDesks = { "B0001", "B0002", "B0003" },
    };

    public static Organization Of(string id, OrganizationKind kind, string[]? departements = null, string[]? communes = null, string[]? stock = null, string[]? desks = null) => new()
    {
        OrganizationId = id,
        DisplayName = id,
        Kind = kind,
        Territory = new Territory { Departements = { departements ?? [] }, CommuneCodes = { communes ?? [] } },
        StockCommuneCodes = { stock ?? [] },
        RegisteringDesks = { desks ?? [] },
    };
}
