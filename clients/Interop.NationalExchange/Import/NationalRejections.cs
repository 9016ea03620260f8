using System.Runtime.CompilerServices;
using Interop.Contracts.V1;

namespace Interop.NationalExchange.Import;

/// <summary>The hub's open national rejections of every application, page by page.</summary>
internal static class NationalRejections
{
    public static async IAsyncEnumerable<NationalRejection> ListOpenAsync(
        NationalExchangeService.NationalExchangeServiceClient national, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = "";
        do
        {
            var page = await national.ListNationalRejectionsAsync(
                new ListNationalRejectionsRequest { Parent = "applications/-", PageSize = 500, PageToken = token },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var rejection in page.NationalRejections)
            {
                yield return rejection;
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
    }

    /// <summary>The number of <c>applications/{number}/nationalRejections/{id}</c>.</summary>
    public static string NumberOf(string name) => name.Split('/')[1];
}
