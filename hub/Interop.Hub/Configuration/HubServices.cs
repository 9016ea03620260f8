using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Attributions;
using Interop.Hub.Feed;
using Interop.Hub.Geography;
using Interop.Hub.Idempotency;
using Interop.Hub.Jobs;
using Interop.Hub.Matching;
using Interop.Hub.Observatory;
using Interop.Hub.Projections;
using Interop.Hub.Renewal;
using Interop.Hub.Replicas;
using Interop.Hub.Retention;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Access;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Attributions;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Storage.Feed;
using Interop.Hub.Storage.History;
using Interop.Hub.Storage.Projections;
using Interop.Hub.Storage.Idempotency;
using Interop.Hub.Storage.Matching;
using Interop.Hub.Storage.NationalExchange;
using Interop.Hub.Storage.Numbering;
using Interop.Hub.Storage.Replicas;
using Interop.Hub.Storage.Statistics;

namespace Interop.Hub.Configuration;

/// <summary>The hub's services, one method per room, so that Program reads as the list of rooms.</summary>
internal static class HubServices
{
    /// <summary>The database, applications and their numbers, change records, idempotent writes.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => DataSourceFactory.Create(connectionString));
        services.AddSingleton<RegistryDatabase>();
        services.AddSingleton<ApplicationStore>();
        services.AddSingleton<NumberCounterStore>();
        services.AddSingleton<ChangeLog>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotentWriter>();
        services.AddSingleton<IdempotentBatchWriter>();
        services.AddSingleton<CommitInstants>();
        services.AddSingleton<RecordTokens>();
        services.AddSingleton<ApplicationWriter>();
        services.AddSingleton<ApplicationRegistrar>();
        return services;
    }

    /// <summary>Organisations, API keys and client certificates, the audit trail, authentication, authorisation and rate limits.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, InteropOptions options)
    {
        services.AddSingleton<OrganizationStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<FeedDeliveryTrail>();
        services.AddSingleton<KeyReads>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ClientCertificateAuthenticator>();
        services.AddAuthentication(CallerAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CallerAuthenticationHandler>(CallerAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddRateLimiter(limiter => RateLimiting.Configure(limiter, options));

        // The live replica count: each replica enforces its share of an organisation's budget.
        services.AddSingleton<ReplicaStore>();
        services.AddSingleton<ReplicaHeartbeat>();
        services.AddHostedService(provider => provider.GetRequiredService<ReplicaHeartbeat>());
        return services;
    }

    /// <summary>
    /// The change feed: its sequencer (one at a time across processes), woken
    /// by this process' commits and NOTIFY; one fan-out reader per process;
    /// the batched audit of deliveries; subscriptions and pruning; the runner
    /// of the read models kept from the feed (<see cref="IChangeProjection"/>).
    /// </summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        services.AddSingleton<FeedSequencer>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton(provider =>
        {
            var signals = new FeedSignals();
            provider.GetRequiredService<RegistryDatabase>().ChangesCommitted += signals.Committed.Pulse;
            return signals;
        });
        services.AddSingleton<FeedPruning>();
        services.AddSingleton<FeedPages>();
        services.AddSingleton<DeliveryAudit>();
        services.AddSingleton<CheckpointWriter>();
        services.AddSingleton<SequencerService>();
        services.AddHostedService(provider => provider.GetRequiredService<SequencerService>());
        services.AddSingleton<FeedFanOut>();
        services.AddHostedService(provider => provider.GetRequiredService<FeedFanOut>());
        services.AddHostedService<FeedListener>();
        services.AddSingleton<ProjectionStore>();
        services.AddSingleton<ProjectionRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<ProjectionRunner>());
        return services;
    }

    /// <summary>Deduplication: the identity index, name counts, review queue and the official geography.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services, InteropOptions options, IHostEnvironment environment)
    {
        services.AddSingleton<IdentityIndex>();
        services.AddSingleton<NameCountStore>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<DuplicateFinder>();
        services.AddSingleton(provider => OfficialGeography.Load(
            options.GeographyFile,
            [environment.ContentRootPath, AppContext.BaseDirectory],
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OfficialGeography))));
        return services;
    }

    /// <summary>Attribution proposals and CAL decisions.</summary>
    public static IServiceCollection AddAttributions(this IServiceCollection services)
    {
        services.AddSingleton<ProposalStore>();
        return services;
    }

    /// <summary>The observatory: applications' histories, past states, the stock at a date, the indicators' tables kept from the feed, and the EPCIs it counts by.</summary>
    public static IServiceCollection AddObservatory(this IServiceCollection services, InteropOptions options, IHostEnvironment environment)
    {
        services.AddSingleton<HistoryStore>();
        services.AddSingleton<StockStore>();
        services.AddSingleton<IndicatorStore>();
        services.AddSingleton(new IndicatorRowCache(options.IndicatorCacheRows));
        services.AddSingleton<IndicatorRebuild>();
        services.AddSingleton<IChangeProjection, IndicatorProjection>();
        services.AddSingleton<PastApplications>();
        services.AddSingleton(provider => OfficialEpcis.Load(
            options.GeographyFile,
            [environment.ContentRootPath, AppContext.BaseDirectory],
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OfficialEpcis))));
        return services;
    }

    /// <summary>Cotation: grid ownership, published grid versions, criterion validations, the stored scores and their rescoring job.</summary>
    public static IServiceCollection AddCotation(this IServiceCollection services)
    {
        services.AddSingleton<Storage.Cotation.CotationStore>();
        services.AddSingleton<Cotation.GridCatalog>();
        services.AddSingleton<Storage.Cotation.ScoreStore>();
        services.AddSingleton<Storage.Cotation.RescoringStore>();
        services.AddSingleton<Cotation.RescoringCounters>();
        services.AddSingleton<Cotation.RescoringSignal>();
        services.AddSingleton<Cotation.StoredScores>();
        services.AddSingleton<Cotation.ScoreRefresh>();
        services.AddHostedService<Cotation.ScoreRefreshWorker>();
        services.AddSingleton<IChangeProjection, Cotation.CotationProjection>();
        return services;
    }

    /// <summary>The national registry's answers: rejected lines recorded against their application.</summary>
    public static IServiceCollection AddNationalExchange(this IServiceCollection services)
    {
        services.AddSingleton<NationalRejectionStore>();
        return services;
    }

    /// <summary>The periodic jobs: renewal radiations, inadmissibility radiations, erasure, pruning of request ids; each once per interval across replicas.</summary>
    public static IServiceCollection AddPeriodicJobs(this IServiceCollection services)
    {
        services.AddSingleton<RenewalSweep>();
        services.AddSingleton<InadmissibilitySweep>();
        services.AddSingleton<ErasureSweep>();
        services.AddSingleton<IdempotencyPruning>();
        services.AddSingleton<JobLeaseStore>();
        services.AddHostedService<PeriodicJobs>();
        return services;
    }
}
