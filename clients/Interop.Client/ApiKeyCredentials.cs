using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Interop.Client;

/// <summary>
/// The hub's credentials: an organisation's API key sent as
/// <c>authorization: Bearer &lt;key&gt;</c> on every call.
/// <see cref="InteropClient"/> and <c>AddInteropClient</c> use it already;
/// these helpers serve code that holds its own channel.
/// </summary>
public static class ApiKeyCredentials
{
    /// <summary>The metadata key of the credentials.</summary>
    public const string HeaderName = "authorization";

    /// <summary>
    /// Call credentials carrying the key. gRPC sends call credentials only over
    /// TLS, unless the channel sets
    /// <c>GrpcChannelOptions.UnsafeUseInsecureChannelCallCredentials</c> (an
    /// <c>http://</c> hub); for a raw cleartext channel, prefer <see cref="Over"/>.
    /// </summary>
    /// <param name="apiKey">The organisation's API key (<c>ik_…</c>).</param>
    public static CallCredentials Create(string apiKey)
    {
        var header = HeaderValue(apiKey);
        return CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add(HeaderName, header);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Calls over an existing channel (TLS or cleartext) with the key added to
    /// every call's headers. Nothing else is added: no deadline, no retry, and
    /// refusals stay plain <see cref="RpcException"/>s (see
    /// <see cref="InteropException.From"/>). Use <see cref="InteropClient"/> for all of that.
    /// </summary>
    /// <param name="channel">A channel to the hub, e.g. <c>GrpcChannel.ForAddress("http://127.0.0.1:5080")</c>.</param>
    /// <param name="apiKey">The organisation's API key (<c>ik_…</c>).</param>
    public static CallInvoker Over(ChannelBase channel, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var header = HeaderValue(apiKey);
        return channel.Intercept(metadata =>
        {
            metadata.Add(HeaderName, header);
            return metadata;
        });
    }

    private static string HeaderValue(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        return "Bearer " + apiKey;
    }
}
