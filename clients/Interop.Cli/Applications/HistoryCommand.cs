using System.CommandLine;
using Interop.Cli.Audit;
using Interop.Cli.CommandLine;

namespace Interop.Cli.Applications;

/// <summary>
/// <c>interop applications history NUMBER [--reads]</c>: what changed in the application,
/// revision by revision (ObservatoryService.ListApplicationChanges); with <c>--reads</c>, its
/// audit trail, which is what this command printed before the hub kept histories.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var number = ApplicationOptions.Number();
        var reads = new Option<bool>("--reads")
        {
            Description = "Print the audit trail instead: who read or changed the application, when, through which call " +
                "(AuditService.ListAuditRecords; what this command printed before the hub kept histories, the same as " +
                "`interop audit --application NUMBER`). Readable by the organisation that registered the application, and by hub administrators.",
        };
        var command = new Command(
            "history",
            "What changed in an application, oldest first (ObservatoryService.ListApplicationChanges): each revision with its time " +
            "(French time), who made it (organizations/ID, or hub for its own jobs), its kind, and under it each field that moved, " +
            "path: old → new (- when unset). --json prints one ApplicationChange per line. Readable by whoever may read the application; " +
            "the read is recorded in its audit trail. The history is kept as long as the application exists; changes made before the hub " +
            "kept histories show who, when and what kind only.")
        {
            number, reads,
        }.WithConnection();
        CliAction.SetWithHub(command, (parse, hub, cancellation) =>
        {
            var application = ApplicationName.From(parse.GetRequiredValue(number));
            var json = parse.GetValue(CliOptions.Json);
            return parse.GetValue(reads)
                ? AuditTrail.PrintAsync(hub, application, "", json, cancellation)
                : ChangeHistory.PrintAsync(hub, application, json, cancellation);
        });
        return command;
    }
}
