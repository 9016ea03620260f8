using System.CommandLine;
using System.Text;
using Interop.Cli.Applications;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;
using nietras.SeparatedValues;

namespace Interop.Cli.Export;

/// <summary>
/// <c>interop export --departement D [--status S] [--output FILE]</c>: a territory's applications as CSV,
/// read page by page from ListApplications and written as they come, never all in memory.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var departement = new Option<string>("--departement") { Description = "The département to export (INSEE code: 14, 2A, 974).", HelpName = "CODE", Required = true };
        var status = CodeOption.Create<ApplicationStatus>("--status", "Only applications in this status (all by default).");
        var output = new Option<string?>("--output", "-o") { Description = "The CSV file to write (standard output by default).", HelpName = "FILE" };
        var command = new Command(
            "export",
            "Export a territory's applications you may read to CSV (header, then one row per application), streamed page by page, " +
            "with a progress line on stderr.")
        {
            departement, status, output,
        }.WithConnection(json: false);
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var request = new ListApplicationsRequest
            {
                PageSize = 500,
                Departement = parse.GetRequiredValue(departement),
                Status = parse.GetValue(status) ?? ApplicationStatus.Unspecified,
            };
            var path = parse.GetValue(output);
            var target = path is null
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
                : new StreamWriter(path, append: false, new UTF8Encoding(false));
            var progress = ProgressLine.ForJob();
            var count = 0;
            using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(target))
            {
                writer.Header.Add(ApplicationCsv.Columns);
                writer.Header.Write();
                await foreach (var application in ApplicationPages.ReadAsync(hub, request, cancellation))
                {
                    ApplicationCsv.Write(writer, application);
                    count++;
                    if (count % 500 == 0)
                    {
                        progress.Report($"export: {count:N0} applications of {request.Departement}");
                    }
                }
            }

            await target.DisposeAsync();
            progress.Complete($"export: {count:N0} applications of {request.Departement}" + (path is null ? "" : $" in {path}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
