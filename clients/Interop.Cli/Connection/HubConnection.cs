using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Interop.Cli.Configuration;
using Interop.Contracts.V1;

namespace Interop.Cli.Connection;

/// <summary>
/// The one seam between the commands and the hub: the generated clients, wired with the
/// caller's key and a deadline on every unary call. Temporary: written on the generated
/// stubs until clients/Interop.Client lands, then this file alone switches to it.
/// </summary>
internal sealed class HubConnection : IDisposable
{
    private readonly GrpcChannel channel;

    private HubConnection(GrpcChannel channel, CallInvoker calls, Uri address)
    {
        this.channel = channel;
        Address = address;
        Calls = calls;
        Registry = new RegistryService.RegistryServiceClient(calls);
        Feed = new ChangeFeedService.ChangeFeedServiceClient(calls);
        Matching = new MatchingService.MatchingServiceClient(calls);
        Admin = new AdminService.AdminServiceClient(calls);
        Audit = new AuditService.AuditServiceClient(calls);
    }

    public Uri Address { get; }

    /// <summary>The authenticated calls, for services without a property here (e.g. grpc.health.v1).</summary>
    public CallInvoker Calls { get; }

    public RegistryService.RegistryServiceClient Registry { get; }

    public ChangeFeedService.ChangeFeedServiceClient Feed { get; }

    public MatchingService.MatchingServiceClient Matching { get; }

    public AdminService.AdminServiceClient Admin { get; }

    public AuditService.AuditServiceClient Audit { get; }

    public static HubConnection Open(HubSettings settings) => Open(settings.Hub, settings.Key, settings.Timeout);

    public static HubConnection Open(Uri address, string key, TimeSpan timeout)
    {
        var channel = GrpcChannel.ForAddress(address);
        var calls = channel
            .Intercept(new UnaryDeadline(timeout))
            .Intercept(metadata =>
            {
                metadata.Add("authorization", "Bearer " + key);
                return metadata;
            });
        return new HubConnection(channel, calls, address);
    }

    public void Dispose() => channel.Dispose();

    private sealed class UnaryDeadline(TimeSpan timeout) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var options = context.Options.Deadline is null
                ? context.Options.WithDeadline(TimeProvider.System.GetUtcNow().UtcDateTime + timeout)
                : context.Options;
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
        }
    }
}
