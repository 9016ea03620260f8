using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Interop.Cli;

/// <summary>Calls carrying <c>authorization: Bearer KEY</c>, the hub's credentials.</summary>
internal static class Bearer
{
    public static CallInvoker Over(ChannelBase channel, string key) =>
        channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + key);
            return metadata;
        });
}
