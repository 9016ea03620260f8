using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Interop.Client.Internal;
using Interop.Contracts.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.Client;

/// <summary>
/// A connection to the hub with the generated gRPC clients already wired:
/// the API key on every call, a default deadline on unary calls, idempotent
/// retries of transient failures, and refusals thrown as typed
/// <see cref="InteropException"/>s. Create one per hub and keep it for the
/// life of the process (it holds the HTTP/2 connections); it is thread-safe.
/// </summary>
public sealed class InteropClient : IDisposable
{
    private readonly GrpcChannel channel;
    private readonly ClientSettings settings;
    private readonly ILogger logger;

    /// <summary>A client of the hub at <paramref name="address"/> calling with <paramref name="apiKey"/>, with the default options.</summary>
    /// <param name="address">The hub's address, e.g. <c>https://interop.example.fr</c> (see <see cref="InteropClientOptions.Address"/>).</param>
    /// <param name="apiKey">The organisation's API key.</param>
    /// <exception cref="ArgumentException">The address is not an absolute http(s) address, or the key is empty.</exception>
    public InteropClient(Uri address, string apiKey)
        : this(ClientSettings.From(new InteropClientOptions { Address = address, ApiKey = apiKey }))
    {
    }

    private InteropClient(ClientSettings settings)
    {
        this.settings = settings;
        logger = settings.LoggerFactory?.CreateLogger("Interop.Client") ?? NullLogger.Instance;
        channel = GrpcChannel.ForAddress(settings.Address, new GrpcChannelOptions
        {
            HttpHandler = settings.HttpMessageHandler ?? settings.CreateDefaultHandler(),
            DisposeHttpClient = settings.HttpMessageHandler is null,
            UnsafeUseInsecureChannelCallCredentials = settings.IsCleartext,
            // gRPC's default grows to 120 s while a hub is away, so a restarted hub would wait for its clients.
            InitialReconnectBackoff = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, settings.ReconnectMaxBackoff.Ticks)),
            MaxReconnectBackoff = settings.ReconnectMaxBackoff,
            LoggerFactory = settings.LoggerFactory,
        });
        CallInvoker = channel.Intercept(new InteropCallInterceptor(new CallPolicy(settings, settings.HasApiKey ? ApiKeyCredentials.Create(settings.ApiKey) : null)));
        Registry = new RegistryService.RegistryServiceClient(CallInvoker);
        Feed = new ChangeFeedService.ChangeFeedServiceClient(CallInvoker);
        Matching = new MatchingService.MatchingServiceClient(CallInvoker);
        Attributions = new AttributionService.AttributionServiceClient(CallInvoker);
        Admin = new AdminService.AdminServiceClient(CallInvoker);
        Audit = new AuditService.AuditServiceClient(CallInvoker);
        Observatory = new ObservatoryService.ObservatoryServiceClient(CallInvoker);
        NationalExchange = new NationalExchangeService.NationalExchangeServiceClient(CallInvoker);
        Cotation = new CotationService.CotationServiceClient(CallInvoker);
    }

    /// <summary>Applications and their numbers: register, import, read, list, update, renew, radiate, reactivate.</summary>
    public RegistryService.RegistryServiceClient Registry { get; }

    /// <summary>
    /// The change feed's raw calls (Subscribe, Acknowledge, GetSubscription).
    /// To follow the feed, prefer <see cref="Subscribe"/>, which resumes and acknowledges for you.
    /// </summary>
    public ChangeFeedService.ChangeFeedServiceClient Feed { get; }

    /// <summary>Duplicates: FindMatches, the review queue, merge and unmerge.</summary>
    public MatchingService.MatchingServiceClient Matching { get; }

    /// <summary>A landlord's attribution path: proposals, CAL decisions, offers and leases.</summary>
    public AttributionService.AttributionServiceClient Attributions { get; }

    /// <summary>Organisations and their API keys (hub administrators).</summary>
    public AdminService.AdminServiceClient Admin { get; }

    /// <summary>Who read or changed whose personal data.</summary>
    public AuditService.AuditServiceClient Audit { get; }

    /// <summary>An application's history field by field, and the stock of applications at a past date. A past state is read with <c>GetApplicationRequest.AsOf</c>.</summary>
    public ObservatoryService.ObservatoryServiceClient Observatory { get; }

    /// <summary>The national registry's answers to the daily export: rejected lines (recorded by the exchange job, read by registrars) and radiations decided elsewhere.</summary>
    public NationalExchangeService.NationalExchangeServiceClient NationalExchange { get; }

    /// <summary>
    /// The EPCIs' scoring grids (cotation): publish and list grid versions, record criterion validations,
    /// an application's score with its explanation, the applicant's outlook, candidates ranked for a
    /// dwelling, and a draft grid's run over the stock.
    /// </summary>
    public CotationService.CotationServiceClient Cotation { get; }

    /// <summary>The wired call invoker under every client above, for any other generated client of the hub.</summary>
    public CallInvoker CallInvoker { get; }

    /// <summary>A client built from <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range (the message names it).</exception>
    public static InteropClient Create(InteropClientOptions options) => new(ClientSettings.From(options));

    /// <summary>
    /// A resumable subscription to the change feed. Nothing is sent until
    /// <see cref="FeedSubscription.ReadAllAsync"/> is enumerated. Dispose it
    /// (<c>await using</c>) to send the last acknowledgement.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public FeedSubscription Subscribe(FeedSubscriptionOptions options) =>
        new(Feed, FeedSubscriptionSettings.From(options), settings.TimeProvider, logger);

    /// <summary>Closes the connections. Calls in flight fail with CANCELLED.</summary>
    public void Dispose() => channel.Dispose();
}
