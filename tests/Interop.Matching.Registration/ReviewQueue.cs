using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Matching.Registration;

/// <summary>The matching review queue as the hub holds it after the run: each open item is a probable link.</summary>
internal static class ReviewQueue
{
    public static async Task<List<(string Application, string Candidate)>> ReadAsync(InteropClient client, CancellationToken cancellationToken)
    {
        var items = new List<(string, string)>();
        var request = new ListReviewItemsRequest { State = ReviewItemState.Open, PageSize = 500 };
        do
        {
            var page = await client.Matching.ListReviewItemsAsync(request, cancellationToken: cancellationToken);
            items.AddRange(page.ReviewItems.Select(i => (i.Application, i.Candidate)));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return items;
    }
}
