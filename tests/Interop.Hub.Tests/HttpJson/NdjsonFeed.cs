using Interop.Contracts.V1;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>
/// Reads the feed over HTTP as an ERP would with <c>curl -N</c>: one JSON object per line,
/// read as the lines arrive; each line must parse as a <see cref="SubscribeResponse"/>.
/// </summary>
internal sealed class NdjsonFeed : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;
    private readonly CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));

    private NdjsonFeed(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public string ContentType => response.Content.Headers.ContentType?.MediaType ?? "";

    public static async Task<NdjsonFeed> OpenAsync(JsonDoor door, string path)
    {
        var response = await door.SendRawAsync(HttpMethod.Get, path, completion: HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            // Only a refusal has a body that ends; a stream's would be read forever.
            Assert.Fail($"GET {path}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return new NdjsonFeed(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<SubscribeResponse> NextAsync()
    {
        var line = await reader.ReadLineAsync(deadline.Token);
        Assert.False(line is null, "The feed ended.");
        return JsonDoor.Parse<SubscribeResponse>(line);
    }

    /// <summary>Reads until the change of <paramref name="application"/> arrives; returns every change read on the way, it included.</summary>
    public async Task<List<Change>> UntilChangeOfAsync(string application)
    {
        var changes = new List<Change>();
        while (true)
        {
            var next = await NextAsync();
            if (next.Change is { } change)
            {
                changes.Add(change);
                if (change.Application == application)
                {
                    return changes;
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        deadline.Dispose();
        return ValueTask.CompletedTask;
    }
}
