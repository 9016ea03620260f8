using Interop.Cli.Connection;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Cli.Demo;

/// <summary>The demo's landlord: created once with the administrator key, given a fresh key at every run.</summary>
internal static class DemoOrganization
{
    private const string Id = "demo-landlord";

    public static async Task<string> JoinAsync(Uri address, string adminKey, string desk, TimeSpan timeout)
    {
        using var hub = HubConnection.Open(address, adminKey, timeout);
        var admin = hub.Admin;
        try
        {
            await admin.CreateOrganizationAsync(new CreateOrganizationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Organization = new Organization
                {
                    OrganizationId = Id,
                    DisplayName = "Demo landlord of the Calvados",
                    Kind = OrganizationKind.Landlord,
                    StockCommuneCodes = { "14118", "14327", "14341", "14047" },
                    RegisteringDesks = { desk },
                },
            });
            Console.WriteLine($"Created organisation {Id} (landlord, stock in the Calvados, desk {desk}).");
        }
        catch (AlreadyExistsException)
        {
            Console.WriteLine($"Organisation {Id} already exists.");
        }

        var issued = await admin.IssueApiKeyAsync(new IssueApiKeyRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = "organizations/" + Id,
            DisplayName = "interop demo",
        });
        Console.WriteLine($"Issued API key {issued.ApiKey.KeyId} to {Id}.");
        return issued.Secret;
    }
}
