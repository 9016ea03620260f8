using Interop.Hub.Access;
using Interop.Hub.Admin;
using Interop.Hub.Attributions;
using Interop.Hub.Audit;
using Interop.Hub.Configuration;
using Interop.Hub.Errors;
using Interop.Hub.Feed;
using Interop.Hub.Idempotency;
using Interop.Hub.Jobs;
using Interop.Hub.Registry;
using Interop.Hub.Renewal;
using Interop.Hub.Retention;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Access;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Attributions;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Feed;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Storage.Idempotency;
using Interop.Hub.Storage.Migrations;
using Interop.Hub.Storage.Numbering;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Npgsql;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, configuration) => configuration
    .ReadFrom.Configuration(context.Configuration)
    .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"));

// Cleartext HTTP/2 (h2c) on every endpoint: without TLS, Kestrel's default
// Http1AndHttp2 only speaks HTTP/1.1 and gRPC clients fail. Set in code so it
// holds whatever folder the hub is started from.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
    // Feed streams are long: many per connection, and pings so that a dead
    // peer is noticed and idle proxies keep the connection open.
    kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
    kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
    kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
});

var connectionString = builder.Configuration.GetConnectionString("Interop");
if (string.IsNullOrWhiteSpace(connectionString))
{
    throw new InvalidOperationException(
        "No database: set the connection string ConnectionStrings:Interop (environment ConnectionStrings__Interop).");
}

builder.Services.Configure<InteropOptions>(builder.Configuration.GetSection(InteropOptions.Section));
var interopOptions = builder.Configuration.GetSection(InteropOptions.Section).Get<InteropOptions>() ?? new InteropOptions();
OrganizationBootstrap.RequireStrongBootstrapKey(interopOptions, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ => DataSourceFactory.Create(connectionString));
builder.Services.AddSingleton<RegistryDatabase>();
builder.Services.AddSingleton<ApplicationStore>();
builder.Services.AddSingleton<NumberCounterStore>();
builder.Services.AddSingleton<ChangeLog>();
builder.Services.AddSingleton<IdempotencyStore>();
builder.Services.AddSingleton<OrganizationStore>();
builder.Services.AddSingleton<ApiKeyStore>();
builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddSingleton<ApiKeyAuthenticator>();
builder.Services.AddSingleton<ErasureSweep>();
builder.Services.AddSingleton<FeedSequencer>();
builder.Services.AddSingleton<Interop.Hub.Storage.Matching.IdentityIndex>();
builder.Services.AddSingleton<Interop.Hub.Storage.Matching.NameCountStore>();
builder.Services.AddSingleton<Interop.Hub.Storage.Matching.ReviewStore>();
builder.Services.AddSingleton<Interop.Hub.Matching.DuplicateFinder>();
builder.Services.AddSingleton(services => Interop.Hub.Geography.OfficialGeography.Load(
    interopOptions.GeographyFile,
    [builder.Environment.ContentRootPath, AppContext.BaseDirectory],
    services.GetRequiredService<ILogger<Program>>()));
builder.Services.AddSingleton<FeedStore>();
builder.Services.AddSingleton<SubscriptionStore>();
builder.Services.AddSingleton<FeedSignals>();
builder.Services.AddSingleton<FeedPruning>();
builder.Services.AddSingleton<SequencerService>();
builder.Services.AddHostedService(services => services.GetRequiredService<SequencerService>());
builder.Services.AddHostedService<FeedListener>();
builder.Services.AddSingleton<IdempotentWriter>();
builder.Services.AddSingleton<Interop.Hub.Applications.ApplicationWriter>();
builder.Services.AddSingleton<RenewalSweep>();
builder.Services.AddSingleton<ProposalStore>();
builder.Services.AddSingleton<InadmissibilitySweep>();
builder.Services.AddSingleton<IdempotencyPruning>();
builder.Services.AddHostedService<PeriodicJobs>();

builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.AddRateLimiter(limiter => RateLimiting.Configure(limiter, interopOptions));

builder.Services.AddGrpc(options =>
{
    options.Interceptors.Add<CallScopeInterceptor>();
    options.Interceptors.Add<ErrorInterceptor>();
    options.EnableDetailedErrors = false;
});
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await DatabaseMigrator.MigrateAsync(connectionString, app.Services.GetRequiredService<ILogger<Program>>(), CancellationToken.None);
await OrganizationBootstrap.EnsureAdministratorAsync(app.Services, CancellationToken.None);

// Read now, not at the first registration.
app.Services.GetRequiredService<Interop.Hub.Core.Matching.Geography.ICommuneDirectory>();

app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

// Every call but health and reflection (the contract is public anyway) needs credentials.
app.MapGrpcService<RegistryService>().RequireAuthorization();
app.MapGrpcService<AdminService>().RequireAuthorization();
app.MapGrpcService<AuditService>().RequireAuthorization();
app.MapGrpcService<ChangeFeedService>().RequireAuthorization();
app.MapGrpcService<Interop.Hub.Matching.MatchingService>().RequireAuthorization();
app.MapGrpcService<AttributionService>().RequireAuthorization();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();

await app.RunAsync();

/// <summary>The hub's entry point; public so tests can host it.</summary>
public partial class Program;
