using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Interop.Client.Benchmarks;

/// <summary>
/// An HTTP handler that answers every gRPC call at once with one canned
/// message and status OK, without a socket: what is left of a call's cost is
/// the client stack's own (serialisation, interceptors, the library's policy).
/// </summary>
internal sealed class CannedHubHandler(IMessage answer) : HttpMessageHandler
{
    private readonly byte[] frame = Frame(answer);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent(frame) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.TrailingHeaders.Add("grpc-status", "0");
        return Task.FromResult(response);
    }

    /// <summary>gRPC's length-prefixed message: a compression flag byte, a big-endian length, the message.</summary>
    private static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var framed = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1, 4), payload.Length);
        payload.CopyTo(framed, 5);
        return framed;
    }
}
