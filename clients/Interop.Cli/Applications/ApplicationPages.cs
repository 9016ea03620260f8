using System.Runtime.CompilerServices;
using Interop.Cli.Connection;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary>Every application of a listing, one page in memory at a time.</summary>
internal static class ApplicationPages
{
    public static async IAsyncEnumerable<Application> ReadAsync(
        HubConnection hub, ListApplicationsRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var page = request.Clone();
        do
        {
            var response = await hub.Registry.ListApplicationsAsync(page, cancellationToken: cancellation);
            foreach (var application in response.Applications)
            {
                yield return application;
            }

            page.PageToken = response.NextPageToken;
        }
        while (page.PageToken.Length > 0);
    }
}
