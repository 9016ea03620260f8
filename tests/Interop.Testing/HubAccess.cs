using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Testing;

/// <summary>Joins organisations to a hub through its AdminService, as an operator would, and returns their authenticated calls.</summary>
public static class HubAccess
{
    public const string BootstrapKey = "test-bootstrap-key-with-at-least-32-characters";

    public static async Task<CallInvoker> JoinAsync(ChannelBase channel, Organization organization, Google.Protobuf.WellKnownTypes.Timestamp? expires = null)
    {
        var token = await IssueKeyAsync(channel, organization, expires);
        return ApiKeyCredentials.Over(channel, token);
    }

    /// <summary>Creates the organisation and returns the secret of a new key of it.</summary>
    public static async Task<string> IssueKeyAsync(ChannelBase channel, Organization organization, Google.Protobuf.WellKnownTypes.Timestamp? expires = null)
    {
        var admin = new AdminService.AdminServiceClient(ApiKeyCredentials.Over(channel, BootstrapKey));
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { RequestId = Guid.NewGuid().ToString(), Organization = organization });
        return await IssueKeyAsync(channel, organization.OrganizationId, expires);
    }

    /// <summary>The secret of a new key of an organisation that already exists.</summary>
    public static async Task<string> IssueKeyAsync(ChannelBase channel, string organizationId, Google.Protobuf.WellKnownTypes.Timestamp? expires = null)
    {
        var admin = new AdminService.AdminServiceClient(ApiKeyCredentials.Over(channel, BootstrapKey));
        var issued = await admin.IssueApiKeyAsync(new IssueApiKeyRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = "organizations/" + organizationId,
            DisplayName = "tests",
            ExpireTime = expires,
        });
        return issued.Secret;
    }
}
