using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Interop.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Testing;

/// <summary>
/// The hub in-process on a real Kestrel socket (127.0.0.1, ephemeral port),
/// over its own database, with a fake clock the test moves, the bootstrap
/// administrator key, and a default registrar organisation. Periodic jobs are
/// off: tests run the sweeps themselves when the clock says so.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;
    private readonly List<InteropClient> clients = [];

    private HubHost(
        WebApplicationFactory<Program> factory,
        string connectionString,
        FakeTimeProvider clock,
        Uri address,
        Uri? httpJsonAddress,
        X509Certificate2? serverAuthority,
        CapturedLogs logs)
    {
        this.factory = factory;
        Logs = logs;
        ConnectionString = connectionString;
        Clock = clock;
        Address = address;
        HttpJsonAddress = httpJsonAddress;
        ServerAuthority = serverAuthority;
        Channel = serverAuthority is null
            ? GrpcChannel.ForAddress(address)
            : GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = TrustingHandler(serverAuthority, null) });
        Admin = ApiKeyCredentials.Over(Channel, HubAccess.BootstrapKey);
    }

    public string ConnectionString { get; }

    /// <summary>
    /// Every log event of this hub at the configured level (Warning unless the test's settings say
    /// <c>Serilog:MinimumLevel:Default</c>). An error among them fails the test when the hub is
    /// disposed, unless <see cref="ExpectErrorLogs"/> says the test provokes them.
    /// </summary>
    public CapturedLogs Logs { get; }

    /// <summary>The test provokes errors the hub logs (a killed database, an exhausted counter): they do not fail it.</summary>
    public bool ExpectErrorLogs { get; set; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The hub's address: cleartext HTTP/2 (h2c), or TLS when started with a server authority; gRPC and the HTTP/JSON door.</summary>
    public Uri Address { get; }

    /// <summary>The extra HTTP/1.1 address of the HTTP/JSON door, when started with <c>httpJson: true</c>.</summary>
    public Uri? HttpJsonAddress { get; }

    /// <summary>The Prometheus scrape address (<c>GET /metrics</c>, HTTP/1.1), when started with <c>metrics: true</c>.</summary>
    public Uri? MetricsAddress { get; private init; }

    /// <summary>The h2c address serving only <c>grpc.health.v1</c> (<c>Interop:ProbeUrl</c>), when started with <c>metrics: true</c>.</summary>
    public Uri? ProbeAddress { get; private init; }

    /// <summary>The authority of the hub's server certificate when it serves TLS, else null.</summary>
    public X509Certificate2? ServerAuthority { get; }

    /// <summary>The channel without credentials.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Calls as the hub administrator (bootstrap key).</summary>
    public CallInvoker Admin { get; }

    /// <summary>Calls as the default registrar (<see cref="TestOrganizations.Registrar"/>).</summary>
    public CallInvoker Calls { get; private set; } = null!;

    public IServiceProvider Services => factory.Services;

    /// <summary>A client library connection to this hub with <paramref name="apiKey"/>, as an integrator makes one; disposed with the hub.</summary>
    public InteropClient Connect(string apiKey)
    {
        return Track(InteropClient.Create(new InteropClientOptions
        {
            Address = Address,
            ApiKey = apiKey,
            ServerCertificateAuthorities = ServerAuthority is null ? null : [ServerAuthority],
        }));
    }

    /// <summary>A client library connection to this hub over TLS with a client certificate and no API key; disposed with the hub.</summary>
    public InteropClient ConnectWithCertificate(X509Certificate2 clientCertificate)
    {
        var authority = ServerAuthority ?? throw new InvalidOperationException("Start the hub with a server authority to use client certificates.");
        return Track(InteropClient.Create(new InteropClientOptions
        {
            Address = Address,
            ClientCertificate = clientCertificate,
            ServerCertificateAuthorities = [authority],
        }));
    }

    /// <summary>An HTTP handler trusting <paramref name="authority"/> for the hub's certificate, presenting <paramref name="clientCertificate"/> if given.</summary>
    public static SocketsHttpHandler TrustingHandler(X509Certificate2 authority, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        handler.SslOptions.CertificateChainPolicy.CustomTrustStore.Add(authority);
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        return handler;
    }

    private InteropClient Track(InteropClient client)
    {
        lock (clients)
        {
            clients.Add(client);
        }

        return client;
    }

    /// <summary>
    /// Starts a hub on a new database; the clock starts at <paramref name="start"/> (default 2026-03-10 10:00 Paris).
    /// With <paramref name="httpJson"/>, the hub also listens on a second loopback port speaking HTTP/1.1
    /// (<see cref="HttpJsonAddress"/>), as <c>Interop:HttpJsonUrl</c> opens one in a deployment.
    /// With <paramref name="serverAuthority"/>, the hub binds <c>https://127.0.0.1:0</c> itself as a deployment
    /// does (the <c>Interop:Tls</c> settings must name its certificate) and every client made here trusts that authority.
    /// With <paramref name="metrics"/>, the hub binds its own addresses too, with <c>Interop:Telemetry:MetricsUrl</c>
    /// and <c>Interop:ProbeUrl</c> on free loopback ports (<see cref="MetricsAddress"/>, <see cref="ProbeAddress"/>). <paramref name="services"/> adds to the hub's services.
    /// With <paramref name="database"/> (another hub's <see cref="ConnectionString"/>), the hub is one more replica on that
    /// database rather than on a new one; its <see cref="Calls"/> use a new key of the registrar the first hub created.
    /// </summary>
    public static async Task<HubHost> StartAsync(
        string purpose,
        DateTimeOffset? start = null,
        IDictionary<string, string>? settings = null,
        bool httpJson = false,
        X509Certificate2? serverAuthority = null,
        bool metrics = false,
        Action<IServiceCollection>? services = null,
        string? database = null)
    {
        var metricsAddress = metrics ? new Uri($"http://127.0.0.1:{FreePort()}") : null;
        var probeAddress = metrics ? new Uri($"http://127.0.0.1:{FreePort()}") : null;
        var connectionString = database ?? await TestPostgres.CreateDatabaseAsync(purpose);
        var clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1)));
        var logs = new CapturedLogs();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Interop", connectionString);
            builder.UseSetting("Interop:RunJobs", "false");
            builder.UseSetting("Interop:BootstrapAdminKey", HubAccess.BootstrapKey);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            if (serverAuthority is not null)
            {
                builder.UseSetting(WebHostDefaults.ServerUrlsKey, "https://127.0.0.1:0");
            }
            else if (metricsAddress is not null)
            {
                builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            }

            if (metricsAddress is not null)
            {
                builder.UseSetting("Interop:Telemetry:MetricsUrl", metricsAddress.GetLeftPart(UriPartial.Authority));
                builder.UseSetting("Interop:ProbeUrl", probeAddress!.GetLeftPart(UriPartial.Authority));
            }

            builder.ConfigureTestServices(collection =>
            {
                collection.AddSingleton<TimeProvider>(clock);
                collection.AddSingleton<Serilog.Core.ILogEventSink>(logs);
                services?.Invoke(collection);
            });
        });
        // An explicit loopback listener on port 0: the OS picks a free port, and
        // no host falls back to the default URL when many start in parallel.
        // The HTTP/1.1 endpoint is declared here rather than through Interop:HttpJsonUrl, which
        // needs a fixed port: Kestrel writes the port it bound back into these listen options.
        ListenOptions? httpJsonListener = null;
        if (serverAuthority is not null || metricsAddress is not null)
        {
            factory.UseKestrel();
        }
        else
        {
            factory.UseKestrel(kestrel =>
            {
                kestrel.Listen(System.Net.IPAddress.Loopback, 0);
                if (httpJson)
                {
                    kestrel.Listen(System.Net.IPAddress.Loopback, 0, endpoint =>
                    {
                        endpoint.Protocols = HttpProtocols.Http1;
                        httpJsonListener = endpoint;
                    });
                }
            });
        }

        factory.StartServer();
        var httpJsonAddress = httpJsonListener is { IPEndPoint: { } bound } ? new Uri($"http://127.0.0.1:{bound.Port}") : null;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)))
            .First(a => (httpJsonAddress is null || a.Port != httpJsonAddress.Port) && (metricsAddress is null || (a.Port != metricsAddress.Port && a.Port != probeAddress!.Port)));
        var hub = new HubHost(factory, connectionString, clock, address, httpJsonAddress, serverAuthority, logs) { MetricsAddress = metricsAddress, ProbeAddress = probeAddress };
        hub.Calls = database is null
            ? await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Registrar())
            : ApiKeyCredentials.Over(hub.Channel, await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId));
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        Channel.Dispose();
        await factory.DisposeAsync();

        // Checked last, so the hub is gone even when this fails the test.
        var errors = Logs.Errors;
        if (errors.Count > 0 && !ExpectErrorLogs)
        {
            throw new Xunit.Sdk.XunitException(
                $"The hub logged {errors.Count} unexpected error(s); set ExpectErrorLogs if the test provokes them:\n"
                + string.Join("\n", errors.Select(e => e.Text)));
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
