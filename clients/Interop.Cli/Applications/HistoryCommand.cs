using System.CommandLine;
using Interop.Cli.Audit;
using Interop.Cli.CommandLine;

namespace Interop.Cli.Applications;

/// <summary>
/// <c>interop applications history NUMBER</c>: the application's audit trail. The hub has no
/// change-history call (its change log is pruned after 30 days), so this shows who read or
/// changed the application, when and through which call — not the values before and after.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var number = ApplicationOptions.Number();
        var command = new Command(
            "history",
            "Who read or changed an application, when, and through which call: its audit trail (AuditService.ListAuditRecords). " +
            "The hub has no change-history call yet (its change log is pruned after 30 days), so past values are not shown. " +
            "Readable by the organisation that registered the application, and by hub administrators.")
        {
            number,
        }.WithConnection();
        CliAction.SetWithHub(command, (parse, hub, cancellation) =>
            AuditTrail.PrintAsync(hub, ApplicationName.From(parse.GetRequiredValue(number)), "", parse.GetValue(CliOptions.Json), cancellation));
        return command;
    }
}
