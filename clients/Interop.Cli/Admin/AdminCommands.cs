using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;

namespace Interop.Cli.Admin;

/// <summary>
/// The administrator's commands: <c>org-create</c>, <c>org-list</c>,
/// <c>key-issue</c>, <c>key-revoke</c>. Lists are comma-separated
/// (<c>--stock 14118,14327</c>). A refusal prints the hub's status and exits 1.
/// </summary>
internal static class AdminCommands
{
    public static Task<int> CreateOrganizationAsync(CommandArguments arguments) => RunAsync(arguments, async admin =>
    {
        var kind = arguments.Required("kind").Replace("-", "_", StringComparison.Ordinal).ToUpperInvariant();
        if (!System.Enum.TryParse<OrganizationKind>(kind.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            || parsed == OrganizationKind.Unspecified)
        {
            throw new UsageException("--kind is one of landlord, collectivity, reservation-holder, state-service, national-exchange, statistics-reader, hub-administrator.");
        }

        var created = await admin.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organization = new Organization
            {
                OrganizationId = arguments.Required("id"),
                DisplayName = arguments.Required("name"),
                Kind = parsed,
                Territory = new Territory
                {
                    Departements = { List(arguments, "departements") },
                    CommuneCodes = { List(arguments, "communes") },
                    EpciSirens = { List(arguments, "epci") },
                },
                StockCommuneCodes = { List(arguments, "stock") },
                RegisteringDesks = { List(arguments, "desks") },
            },
        });
        Console.WriteLine($"{created.Name}\t{created.Kind}\tdesks: {string.Join(",", created.RegisteringDesks)}");
    });

    public static Task<int> ListOrganizationsAsync(CommandArguments arguments) => RunAsync(arguments, async admin =>
    {
        var token = "";
        do
        {
            var page = await admin.ListOrganizationsAsync(new ListOrganizationsRequest { PageToken = token });
            foreach (var organization in page.Organizations)
            {
                Console.WriteLine($"{organization.Name}\t{organization.Kind}\t{organization.DisplayName}");
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
    });

    public static Task<int> IssueKeyAsync(CommandArguments arguments) => RunAsync(arguments, async admin =>
    {
        var expires = arguments.Optional("expires", "");
        var issued = await admin.IssueApiKeyAsync(new IssueApiKeyRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = "organizations/" + arguments.Required("org"),
            DisplayName = arguments.Required("name"),
            ExpireTime = expires.Length == 0 ? null : Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(expires, System.Globalization.CultureInfo.InvariantCulture)),
        });
        Console.WriteLine($"{issued.ApiKey.Name}");
        Console.WriteLine($"secret (shown once): {issued.Secret}");
    });

    public static Task<int> RevokeKeyAsync(CommandArguments arguments) => RunAsync(arguments, async admin =>
    {
        var revoked = await admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Name = arguments.Required("name") });
        Console.WriteLine($"{revoked.Name} revoked at {revoked.RevokeTime.ToDateTimeOffset():u}");
    });

    private static async Task<int> RunAsync(CommandArguments arguments, Func<AdminService.AdminServiceClient, Task> command)
    {
        using var hub = HubConnection.From(arguments);
        try
        {
            await command(new AdminService.AdminServiceClient(hub.Calls));
            return 0;
        }
        catch (RpcException refused)
        {
            await Console.Error.WriteLineAsync($"{refused.StatusCode}: {refused.Status.Detail}");
            foreach (var violation in refused.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations ?? [])
            {
                await Console.Error.WriteLineAsync($"  {violation.Field}: {violation.Description}");
            }

            return 1;
        }
    }

    private static IEnumerable<string> List(CommandArguments arguments, string name) =>
        arguments.Optional(name, "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
