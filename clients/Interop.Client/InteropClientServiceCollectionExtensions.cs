using Grpc.Net.ClientFactory;
using Interop.Client.Internal;
using Interop.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Client;

/// <summary>Registers the hub's clients in a service collection.</summary>
public static class InteropClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers, through Grpc.Net.ClientFactory, the generated clients
    /// <c>RegistryService.RegistryServiceClient</c>,
    /// <c>ChangeFeedService.ChangeFeedServiceClient</c>,
    /// <c>MatchingService.MatchingServiceClient</c>,
    /// <c>AttributionService.AttributionServiceClient</c>,
    /// <c>AdminService.AdminServiceClient</c>,
    /// <c>AuditService.AuditServiceClient</c>,
    /// <c>ObservatoryService.ObservatoryServiceClient</c>,
    /// <c>NationalExchangeService.NationalExchangeServiceClient</c> and
    /// <c>CotationService.CotationServiceClient</c> (transient, each wired like
    /// <see cref="InteropClient"/>'s: API key, default deadline, retries,
    /// typed errors), and <see cref="InteropClient"/> itself as a singleton
    /// (for <see cref="InteropClient.Subscribe"/>). The
    /// <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> registered
    /// in the container are used unless the options name others. To bind a
    /// configuration section: <c>options => configuration.GetSection("Interop").Bind(options)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="InteropClientOptions.Address"/> and <see cref="InteropClientOptions.ApiKey"/> are required.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddInteropClient(this IServiceCollection services, Action<InteropClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<InteropClientOptions>().Configure(configure);
        services.TryAddSingleton(Settings);
        services.TryAddSingleton(provider => new CallPolicy(provider.GetRequiredService<ClientSettings>(), credentials: null));
        services.TryAddSingleton(provider => InteropClient.Create(Resolved(provider)));
        Add<RegistryService.RegistryServiceClient>(services);
        Add<ChangeFeedService.ChangeFeedServiceClient>(services);
        Add<MatchingService.MatchingServiceClient>(services);
        Add<AttributionService.AttributionServiceClient>(services);
        Add<AdminService.AdminServiceClient>(services);
        Add<AuditService.AuditServiceClient>(services);
        Add<ObservatoryService.ObservatoryServiceClient>(services);
        Add<NationalExchangeService.NationalExchangeServiceClient>(services);
        Add<CotationService.CotationServiceClient>(services);
        return services;
    }

    private static void Add<TClient>(IServiceCollection services)
        where TClient : class
    {
        services
            .AddGrpcClient<TClient>((provider, factory) => factory.Address = provider.GetRequiredService<ClientSettings>().Address)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var settings = provider.GetRequiredService<ClientSettings>();
                // The factory disposes the handlers it rotates: a handler given in the options stays the caller's.
                return settings.HttpMessageHandler is { } given ? new SharedHandler(given) : settings.CreateDefaultHandler();
            })
            .ConfigureChannel((provider, channel) =>
            {
                var settings = provider.GetRequiredService<ClientSettings>();
                channel.UnsafeUseInsecureChannelCallCredentials = settings.IsCleartext;
                channel.LoggerFactory = settings.LoggerFactory;
            })
            .AddCallCredentials((_, metadata, provider) =>
            {
                var settings = provider.GetRequiredService<ClientSettings>();
                if (settings.HasApiKey)
                {
                    metadata.Add(ApiKeyCredentials.HeaderName, "Bearer " + settings.ApiKey);
                }

                return Task.CompletedTask;
            })
            .AddInterceptor(provider => new InteropCallInterceptor(provider.GetRequiredService<CallPolicy>()));
    }

    private static ClientSettings Settings(IServiceProvider provider) => ClientSettings.From(Resolved(provider));

    private static InteropClientOptions Resolved(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<InteropClientOptions>>().Value;
        options.TimeProvider ??= provider.GetService<TimeProvider>();
        options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
        return options;
    }
}
