using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications list [--status S] [--departement D] [--commune C] [--updated-since DATE] [--limit N]</c>.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var status = CodeOption.Create<ApplicationStatus>("--status", "Only applications in this status.");
        var departement = new Option<string?>("--departement") { Description = "Only this département (INSEE code: 14, 2A, 974).", HelpName = "CODE" };
        var commune = new Option<string?>("--commune") { Description = "Only applications wishing this commune (INSEE code).", HelpName = "CODE" };
        var updatedSince = new Option<string?>("--updated-since") { Description = "Only applications changed on or after this day (YYYY-MM-DD, UTC midnight).", HelpName = "DATE" };
        var limit = new Option<int?>("--limit") { Description = "Stop after this many applications (all by default).", HelpName = "N" };
        var command = new Command("list", "List the applications you may read, by number, page by page.") { status, departement, commune, updatedSince, limit }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var request = new ListApplicationsRequest
            {
                PageSize = 500,
                Status = parse.GetValue(status) ?? ApplicationStatus.Unspecified,
                Departement = parse.GetValue(departement) ?? "",
                WishedCommuneCode = parse.GetValue(commune) ?? "",
            };
            if (parse.GetValue(updatedSince) is { } since)
            {
                var day = Dates.ParseDate(since, "--updated-since");
                request.UpdatedSince = Timestamp.FromDateTime(new DateTime(day.Year, day.Month, day.Day, 0, 0, 0, DateTimeKind.Utc));
            }

            var json = parse.GetValue(CliOptions.Json);
            var table = ApplicationText.Table(Console.Out);
            var remaining = parse.GetValue(limit) ?? int.MaxValue;
            await foreach (var application in ApplicationPages.ReadAsync(hub, request, cancellation))
            {
                if (remaining-- <= 0)
                {
                    break;
                }

                if (json)
                {
                    JsonOutput.WriteLine(application);
                }
                else
                {
                    ApplicationText.Row(table, application);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
