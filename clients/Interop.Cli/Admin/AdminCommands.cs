using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Admin;

/// <summary>
/// The administrator's commands, under the names the README and operators' scripts use:
/// <c>org-create</c>, <c>org-list</c>, <c>key-issue</c>, <c>key-revoke</c>. Lists are
/// comma-separated (<c>--stock 14118,14327</c>).
/// </summary>
internal static class AdminCommands
{
    public static IEnumerable<Command> Create() => [CreateOrganization(), ListOrganizations(), IssueKey(), RevokeKey()];

    private static Command CreateOrganization()
    {
        var kinds = CodeNames.All<OrganizationKind>();
        var id = new Option<string>("--id") { Description = "Organisation id (lowercase letters, digits, hyphens).", HelpName = "ID", Required = true };
        var kind = new Option<string>("--kind") { Description = "One of: " + string.Join(", ", kinds) + ".", HelpName = "KIND", Required = true };
        kind.AcceptOnlyFromAmong(kinds);
        var name = new Option<string>("--name") { Description = "Display name.", HelpName = "NAME", Required = true };
        var departements = ListOption("--departements", "Territory: départements (INSEE codes).");
        var communes = ListOption("--communes", "Territory: communes (INSEE codes).");
        var epci = ListOption("--epci", "Territory: EPCI SIREN numbers.");
        var stock = ListOption("--stock", "Communes where a landlord holds stock (INSEE codes).");
        var desks = ListOption("--desks", "Registering desks it runs (5 characters 0-9A-Z).");
        var command = new Command("org-create", "Create an organisation (hub administrators).") { id, kind, name, departements, communes, epci, stock, desks }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            CodeNames.TryParse<OrganizationKind>(parse.GetRequiredValue(kind), out var parsedKind);
            var created = await hub.Admin.CreateOrganizationAsync(new CreateOrganizationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Organization = new Organization
                {
                    OrganizationId = parse.GetRequiredValue(id),
                    DisplayName = parse.GetRequiredValue(name),
                    Kind = parsedKind,
                    Territory = new Territory
                    {
                        Departements = { Split(parse.GetValue(departements)) },
                        CommuneCodes = { Split(parse.GetValue(communes)) },
                        EpciSirens = { Split(parse.GetValue(epci)) },
                    },
                    StockCommuneCodes = { Split(parse.GetValue(stock)) },
                    RegisteringDesks = { Split(parse.GetValue(desks)) },
                },
            }, cancellationToken: cancellation);
            if (parse.GetValue(CliOptions.Json))
            {
                JsonOutput.WriteLine(created);
            }
            else
            {
                Console.Out.WriteLine($"{created.Name}\t{CodeNames.Of(created.Kind)}\tdesks: {string.Join(",", created.RegisteringDesks)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListOrganizations()
    {
        var command = new Command("org-list", "List organisations (hub administrators).").WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var json = parse.GetValue(CliOptions.Json);
            var table = new TableWriter(Console.Out, ("NAME", 36), ("KIND", 20), ("DISPLAY NAME", 0));
            var request = new ListOrganizationsRequest();
            do
            {
                var page = await hub.Admin.ListOrganizationsAsync(request, cancellationToken: cancellation);
                foreach (var organization in page.Organizations)
                {
                    if (json)
                    {
                        JsonOutput.WriteLine(organization);
                    }
                    else
                    {
                        table.Row(organization.Name, CodeNames.Of(organization.Kind), organization.DisplayName);
                    }
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command IssueKey()
    {
        var organization = new Option<string>("--org") { Description = "The organisation's id.", HelpName = "ID", Required = true };
        var name = new Option<string>("--name") { Description = "A name for the key (what it is for).", HelpName = "NAME", Required = true };
        var expires = new Option<string?>("--expires") { Description = "When the key stops working (ISO 8601, e.g. 2027-12-31T00:00:00Z); never by default.", HelpName = "INSTANT" };
        var command = new Command("key-issue", "Issue an API key to an organisation; its secret is printed once, the hub keeps only its hash.") { organization, name, expires }.WithConnection(json: false);
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            Timestamp? expireTime = null;
            if (parse.GetValue(expires) is { } typed)
            {
                expireTime = DateTimeOffset.TryParse(typed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                    ? Timestamp.FromDateTimeOffset(instant)
                    : throw new UsageException($"--expires '{typed}' is not an ISO 8601 instant such as 2027-12-31T00:00:00Z.");
            }

            var issued = await hub.Admin.IssueApiKeyAsync(new IssueApiKeyRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Parent = "organizations/" + parse.GetRequiredValue(organization),
                DisplayName = parse.GetRequiredValue(name),
                ExpireTime = expireTime,
            }, cancellationToken: cancellation);
            Console.Out.WriteLine(issued.ApiKey.Name);
            Console.Out.WriteLine($"secret (shown once): {issued.Secret}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var name = new Option<string>("--name") { Description = "The key: organizations/ID/apiKeys/KEYID, as key-issue printed it.", HelpName = "NAME", Required = true };
        var command = new Command("key-revoke", "Revoke an API key at once.") { name }.WithConnection(json: false);
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var revoked = await hub.Admin.RevokeApiKeyAsync(
                new RevokeApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Name = parse.GetRequiredValue(name) }, cancellationToken: cancellation);
            Console.Out.WriteLine($"{revoked.Name} revoked at {Dates.Format(revoked.RevokeTime)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string?> ListOption(string name, string description) =>
        new(name) { Description = description + " Comma-separated.", HelpName = "A,B" };

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
