using Interop.Cli.CommandLine;
using Interop.Cli.Connection;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Audit;

/// <summary>Prints audit records page by page: a table, or one JSON object per line.</summary>
internal static class AuditTrail
{
    public static async Task<int> PrintAsync(HubConnection hub, string application, string organization, bool json, CancellationToken cancellation)
    {
        var table = new TableWriter(Console.Out, ("TIME", 20), ("ACTION", 6), ("ORGANIZATION", 30), ("KEY", 16), ("METHOD", 46), ("APPLICATION", 0));
        var request = new ListAuditRecordsRequest { Application = application, Organization = organization, PageSize = 500 };
        do
        {
            var page = await hub.Audit.ListAuditRecordsAsync(request, cancellationToken: cancellation);
            foreach (var record in page.AuditRecords)
            {
                if (json)
                {
                    JsonOutput.WriteLine(record);
                }
                else
                {
                    table.Row(Dates.Format(record.AccessTime), CodeNames.Of(record.Action), record.Organization, record.KeyId, record.Method, record.Application);
                }
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return ExitCodes.Ok;
    }
}
