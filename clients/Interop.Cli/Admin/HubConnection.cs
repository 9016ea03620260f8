using Grpc.Core;
using Grpc.Net.Client;

namespace Interop.Cli.Admin;

/// <summary>The hub a command talks to: <c>--hub URL</c> and the caller's key, <c>--key</c> or <c>INTEROP_API_KEY</c>.</summary>
internal sealed class HubConnection : IDisposable
{
    private readonly GrpcChannel channel;

    private HubConnection(GrpcChannel channel, CallInvoker calls)
    {
        this.channel = channel;
        Calls = calls;
    }

    public CallInvoker Calls { get; }

    public static HubConnection From(CommandArguments arguments)
    {
        var key = arguments.Optional("key", Environment.GetEnvironmentVariable("INTEROP_API_KEY") ?? "");
        if (key.Length == 0)
        {
            throw new UsageException("--key (or INTEROP_API_KEY) is required: an API key, or the bootstrap administrator key.");
        }

        var channel = GrpcChannel.ForAddress(arguments.Required("hub"));
        return new HubConnection(channel, Bearer.Over(channel, key));
    }

    public void Dispose() => channel.Dispose();
}
