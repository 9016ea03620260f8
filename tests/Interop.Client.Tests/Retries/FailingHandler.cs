using System.Net;

namespace Interop.Client.Tests.Retries;

/// <summary>
/// Sits under the client's channel and counts the attempts of one method; the
/// first <c>dropAfterCommit</c> attempts reach the hub, which commits, and
/// their answer is then thrown away and replaced by an HTTP 503, as a proxy
/// or a lost connection would (the client sees UNAVAILABLE). With a
/// <c>stall</c>, the first attempts' answers are held that long instead.
/// </summary>
public sealed class FailingHandler(string method, int dropAfterCommit = 0, TimeSpan stall = default) : DelegatingHandler(new SocketsHttpHandler())
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.RequestUri!.AbsolutePath.EndsWith("/" + method, StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var attempt = Interlocked.Increment(ref attempts);
        var response = await base.SendAsync(request, cancellationToken);
        if (attempt > dropAfterCommit)
        {
            return response;
        }

        // Read the whole answer first: the hub has committed by then.
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (stall > TimeSpan.Zero)
        {
            await Task.Delay(stall, cancellationToken);
        }

        response.Dispose();
        return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
    }
}
