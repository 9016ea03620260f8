using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Interop.Cli.CommandLine;
using Interop.Cli.Connection;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary>
/// Prints an application's changes (ObservatoryService.ListApplicationChanges) page by page,
/// oldest first: a row per revision with its changed fields under it, or one JSON object per change.
/// </summary>
internal static class ChangeHistory
{
    private const string FieldIndent = "    ";

    public static async Task<int> PrintAsync(HubConnection hub, string application, bool json, CancellationToken cancellation)
    {
        var output = Console.Out;
        var table = new TableWriter(output, ("REVISION", 8), ("TIME", 26), ("ACTOR", 30), ("KIND", 0));
        var request = new ListApplicationChangesRequest { Parent = application, PageSize = 500 };
        do
        {
            var page = await hub.Observatory.ListApplicationChangesAsync(request, cancellationToken: cancellation);
            foreach (var change in page.Changes)
            {
                if (json)
                {
                    JsonOutput.WriteLine(change);
                    continue;
                }

                table.Row(change.Revision.ToString(CultureInfo.InvariantCulture), FrenchTime.Format(change.ChangeTime), change.Actor, CodeNames.Of(change.Kind));
                foreach (var field in change.FieldChanges)
                {
                    output.WriteLine($"{FieldIndent}{field.Field}: {Value(field.OldValue)} → {Value(field.NewValue)}");
                }

                if (!change.StateRecorded)
                {
                    output.WriteLine(FieldIndent + "(fields not recorded: made before the hub kept histories)");
                }
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return ExitCodes.Ok;
    }

    /// <summary>A value as a person reads it: text as is, <c>-</c> when unset, anything else as JSON (numbers, lists).</summary>
    private static string Value(Value? value) => value switch
    {
        null => "-",
        { KindCase: Google.Protobuf.WellKnownTypes.Value.KindOneofCase.StringValue, StringValue: { Length: > 0 } text } => text,
        _ => JsonFormatter.Default.Format(value),
    };
}
