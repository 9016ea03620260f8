using System.CommandLine;
using Interop.Cli.Applications;
using Interop.Cli.CommandLine;

namespace Interop.Cli.Audit;

/// <summary><c>interop audit [--application NUMBER] [--organization ID]</c>: AuditService.ListAuditRecords.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var application = new Option<string?>("--application") { Description = "Only the records of this application (number or applications/NUMBER).", HelpName = "NUMBER" };
        var organization = new Option<string?>("--organization") { Description = "Only the records of this organisation (ID or organizations/ID).", HelpName = "ID" };
        var command = new Command(
            "audit",
            "The audit trail: who read or changed whose personal data, when, through which call. An organisation reads the trail of the applications " +
            "it registered; hub administrators read all of it.")
        {
            application, organization,
        }.WithConnection();
        CliAction.SetWithHub(command, (parse, hub, cancellation) =>
        {
            var applicationName = parse.GetValue(application) is { Length: > 0 } number ? ApplicationName.From(number) : "";
            var organizationName = parse.GetValue(organization) is { Length: > 0 } id
                ? (id.StartsWith("organizations/", StringComparison.Ordinal) ? id : "organizations/" + id)
                : "";
            return AuditTrail.PrintAsync(hub, applicationName, organizationName, parse.GetValue(CliOptions.Json), cancellation);
        });
        return command;
    }
}
