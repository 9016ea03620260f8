using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.Resilience;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Interop.Adapters.Sdk;

/// <summary>Registers an adapter's two loops in a host.</summary>
public static class AdapterServiceCollectionExtensions
{
    /// <summary>
    /// Adds the outbound and inbound workers of an adapter. The host must also register an
    /// <see cref="InteropClient"/> (<c>AddInteropClient</c>), an <see cref="IErpChangeSource"/>, an
    /// <see cref="IHubChangeSink"/> and an <see cref="IAdapterStateStore"/> (<see cref="FileAdapterStateStore"/> in production).
    /// Registers <see cref="DeadLetterQueue"/> and <see cref="AdapterMetrics"/> for the host to use.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">
    /// The adapter's section: its <c>Mappings</c> subsection holds the code tables
    /// (<c>Mappings:{table}:{erp code} = {contract code}</c>, see <see cref="CodeMapper"/>).
    /// </param>
    /// <param name="configure">Sets the <see cref="AdapterOptions"/>; <see cref="AdapterOptions.OrganizationId"/> is required.</param>
    /// <exception cref="ArgumentException">The organisation id is missing.</exception>
    public static IServiceCollection AddInteropAdapter(this IServiceCollection services, IConfiguration configuration, Action<AdapterOptions> configure)
    {
        var options = new AdapterOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.OrganizationId))
        {
            throw new ArgumentException("AdapterOptions.OrganizationId is required: the adapter's request ids are derived from it.", nameof(configure));
        }

        services.AddSingleton(options);
        services.AddSingleton(new CodeMapper(configuration.GetSection("Mappings")));
        services.AddSingleton(_ => new AdapterMetrics(options.OrganizationId));
        services.AddSingleton(provider => ErpResilience.Build(options, Time(provider), provider.GetRequiredService<AdapterMetrics>(), Logger(provider)));
        services.AddSingleton(provider => new InboundApplier(
            provider.GetRequiredService<IHubChangeSink>(),
            provider.GetRequiredService<IAdapterStateStore>(),
            provider.GetRequiredService<ResiliencePipeline>(),
            provider.GetRequiredService<AdapterMetrics>(),
            Time(provider),
            Logger(provider)));
        services.AddSingleton(provider => new OutboundPusher(
            provider.GetRequiredService<InteropClient>(),
            provider.GetRequiredService<IAdapterStateStore>(),
            provider.GetRequiredService<CodeMapper>(),
            options,
            provider.GetRequiredService<AdapterMetrics>(),
            Time(provider),
            Logger(provider)));
        services.AddSingleton(provider => new DeadLetterQueue(
            provider.GetRequiredService<IAdapterStateStore>(),
            provider.GetRequiredService<InboundApplier>(),
            provider.GetRequiredService<OutboundPusher>(),
            provider.GetRequiredService<InteropClient>(),
            Logger(provider)));
        if (options.Outbound)
        {
            services.AddSingleton<IHostedService>(provider => new OutboundWorker(
                provider.GetRequiredService<IErpChangeSource>(),
                provider.GetRequiredService<OutboundPusher>(),
                provider.GetRequiredService<IAdapterStateStore>(),
                provider.GetRequiredService<ResiliencePipeline>(),
                options,
                provider.GetRequiredService<AdapterMetrics>(),
                Time(provider),
                Logger(provider)));
        }

        if (options.Inbound)
        {
            services.AddSingleton<IHostedService>(provider => new InboundWorker(
                provider.GetRequiredService<InteropClient>(),
                provider.GetRequiredService<InboundApplier>(),
                options,
                provider.GetRequiredService<AdapterMetrics>(),
                Time(provider),
                Logger(provider)));
        }

        return services;
    }

    private static TimeProvider Time(IServiceProvider provider) => provider.GetService<TimeProvider>() ?? TimeProvider.System;

    private static ILogger Logger(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger("Interop.Adapters") ?? NullLogger.Instance;
}
