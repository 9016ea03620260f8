using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Interop.Testing;

/// <summary>Calls over a channel with <c>authorization: Bearer …</c> added, as an integrator's client sends it.</summary>
public static class BearerToken
{
    public static CallInvoker Over(ChannelBase channel, string token) =>
        channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
}
