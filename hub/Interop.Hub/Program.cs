using Interop.Hub.Access;
using Interop.Hub.Admin;
using Interop.Hub.Attributions;
using Interop.Hub.Audit;
using Interop.Hub.Configuration;
using Interop.Hub.Errors;
using Interop.Hub.Feed;
using Interop.Hub.HttpJson;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Migrations;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, configuration) => configuration
    .ReadFrom.Configuration(context.Configuration)
    .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"));

// h2c on the --urls addresses; HTTP/1.1 on Interop:HttpJsonUrl if set.
HttpJsonEndpoints.Configure(builder.WebHost, builder.Configuration);
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
var interopOptions = builder.Configuration.GetSection(InteropOptions.Section).Get<InteropOptions>() ?? new InteropOptions();
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
    .AddPeriodicJobs();

builder.Services.AddGrpc(options =>
{
    options.Interceptors.Add<CallScopeInterceptor>();
    options.Interceptors.Add<ErrorInterceptor>();
    options.EnableDetailedErrors = false;
}).AddHttpJson();
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await DatabaseMigrator.MigrateAsync(connectionString, app.Services.GetRequiredService<ILogger<Program>>(), CancellationToken.None);
await OrganizationBootstrap.EnsureAdministratorAsync(app.Services, CancellationToken.None);

// Read now, not at the first registration.
app.Services.GetRequiredService<Interop.Hub.Core.Matching.Geography.ICommuneDirectory>();

// Before authentication: the OpenAPI document is public, like the contract.
app.UseOpenApiDocument();
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
