using Interop.Hub.Access;
using Interop.Hub.Admin;
using Interop.Hub.Attributions;
using Interop.Hub.Audit;
using Interop.Hub.Configuration;
using Interop.Hub.Diagnostics;
using Interop.Hub.Errors;
using Interop.Hub.Feed;
using Interop.Hub.HttpJson;
using Interop.Hub.Observatory.Report;
using Interop.Hub.Transport;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Migrations;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// ReadFrom.Services: sinks registered as services (a test's capture) receive every event too.
// preserveStaticLogger: each host logs through its own logger, not the process-wide Log.Logger
// the last host started would own (several hubs share a test process).
builder.Host.UseSerilog(preserveStaticLogger: true, configureLogger: (context, services, configuration) => configuration
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"));

var interopOptions = builder.Configuration.GetSection(InteropOptions.Section).Get<InteropOptions>() ?? new InteropOptions();

// h2c on http:// --urls addresses, TLS with ALPN on https:// ones; HTTP/1.1 on Interop:HttpJsonUrl if set.
CleartextPolicy.Enforce(builder.Environment, builder.Configuration, interopOptions);
HubEndpoints.Configure(builder.WebHost, builder.Configuration, interopOptions);
builder.WebHost.ConfigureKestrel(kestrel =>
{
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
OrganizationBootstrap.RequireStrongBootstrapKey(interopOptions, builder.Environment);
builder.Services
    .AddRegistry(connectionString)
    .AddAccess(interopOptions)
    .AddChangeFeed()
    .AddMatching(interopOptions, builder.Environment)
    .AddAttributions()
    .AddCotation()
    .AddNationalExchange()
    .AddObservatory(interopOptions, builder.Environment)
    .AddPeriodicJobs()
    .AddTelemetry(interopOptions.Telemetry);

builder.Services.AddGrpc(options =>
{
    // Outermost: it sees the status the error interceptor maps to.
    options.Interceptors.Add<CallTelemetryInterceptor>();
    options.Interceptors.Add<CallScopeInterceptor>();
    options.Interceptors.Add<ErrorInterceptor>();
    options.EnableDetailedErrors = false;
}).AddHttpJson();
builder.Services.AddGrpcReflection();
// "" (every check) says whether to send calls here; "liveness" (the process answers) whether to
// keep it, so an orchestrator does not restart every replica while the database is away.
builder.Services.AddGrpcHealthChecks(health => health.Services.Map("liveness", check => check.Tags.Contains("live")))
    .AddCheck("process", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: ["live"])
    .AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await DatabaseMigrator.MigrateAsync(connectionString, app.Services.GetRequiredService<ILogger<Program>>(), CancellationToken.None);
await OrganizationBootstrap.EnsureAdministratorAsync(app.Services, CancellationToken.None);

// Read now, not at the first registration; the meter's gauges exist before the first call.
app.Services.GetRequiredService<Interop.Hub.Core.Matching.Geography.ICommuneDirectory>();
app.Services.GetRequiredService<HubMetrics>();

app.MapMetricsPort(interopOptions.Telemetry);
app.UseProbePort(interopOptions);

// Before authentication: the OpenAPI document is public, like the contract, and so is the
// observatory's page (its figures come through the HTTP/JSON routes with the user's key).
app.UseOpenApiDocument();
app.UseObservatoryReport();
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
app.MapGrpcService<Interop.Hub.Cotation.CotationService>().RequireAuthorization();
app.MapGrpcService<Interop.Hub.NationalExchange.NationalExchangeService>().RequireAuthorization();
app.MapGrpcService<Interop.Hub.Observatory.ObservatoryService>().RequireAuthorization();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();

await app.RunAsync();

/// <summary>The hub's entry point; public so tests can host it.</summary>
public partial class Program;
