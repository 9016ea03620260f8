using Grpc.Core;
using Interop.Cli.Configuration;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Cli.Connection;

/// <summary>
/// The one seam between the commands and the hub: an <see cref="InteropClient"/> (credentials,
/// deadlines, idempotent retries, typed errors, the resumable feed), built from the resolved
/// <see cref="HubSettings"/>. The CLI has no transport code of its own.
/// </summary>
internal sealed class HubConnection : IDisposable
{
    private readonly InteropClient client;

    private HubConnection(InteropClient client, Uri address)
    {
        this.client = client;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The authenticated calls, for services without a property here (e.g. grpc.health.v1).</summary>
    public CallInvoker Calls => client.CallInvoker;

    /// <summary>The client itself, for the jobs built on it (the national exchange).</summary>
    public InteropClient Client => client;

    public RegistryService.RegistryServiceClient Registry => client.Registry;

    public ChangeFeedService.ChangeFeedServiceClient Feed => client.Feed;

    public MatchingService.MatchingServiceClient Matching => client.Matching;

    public AdminService.AdminServiceClient Admin => client.Admin;

    public AuditService.AuditServiceClient Audit => client.Audit;

    public ObservatoryService.ObservatoryServiceClient Observatory => client.Observatory;

    public static HubConnection Open(HubSettings settings) => Open(settings.Hub, settings.Key, settings.Timeout);

    /// <param name="timeout">Each attempt's deadline; the client retries an unavailable hub a few times within seconds.</param>
    public static HubConnection Open(Uri address, string key, TimeSpan timeout) =>
        new(InteropClient.Create(new InteropClientOptions { Address = address, ApiKey = key, DefaultDeadline = timeout }), address);

    public FeedSubscription Subscribe(FeedSubscriptionOptions options) => client.Subscribe(options);

    public void Dispose() => client.Dispose();
}
