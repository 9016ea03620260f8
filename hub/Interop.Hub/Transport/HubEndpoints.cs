using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Interop.Hub.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Interop.Hub.Transport;

/// <summary>
/// Kestrel's endpoints: cleartext HTTP/2 (h2c) on <c>http://</c> addresses, HTTP/2 and HTTP/1.1
/// chosen by ALPN on <c>https://</c> addresses with the configured certificate, and, when
/// <see cref="InteropOptions.HttpJsonUrl"/> is set, one more cleartext address speaking HTTP/1.1
/// for the HTTP/JSON door; <see cref="TelemetryOptions.MetricsUrl"/> likewise for the Prometheus scrape,
/// and <see cref="InteropOptions.ProbeUrl"/> in h2c for health probes (<see cref="DedicatedPorts"/>).
/// </summary>
internal static class HubEndpoints
{
    public const string DefaultUrls = "http://localhost:5000";

    public static void Configure(IWebHostBuilder webHost, IConfiguration configuration, InteropOptions options)
    {
        var httpJsonUrl = options.HttpJsonUrl;
        var metricsUrl = options.Telemetry.MetricsUrl;
        var probeUrl = options.ProbeUrl;
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        var addresses = (string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var certificate = options.Tls.HasServerCertificate ? ServerCertificateLoader.Load(options.Tls) : null;
        if (certificate is null && addresses.FirstOrDefault(IsHttps) is { } httpsUrl)
        {
            throw new InvalidOperationException(
                $"'{httpsUrl}' needs a server certificate: set Interop:Tls:CertificateFile (and KeyFile) or Interop:Tls:StoreSubject.");
        }

        webHost.ConfigureKestrel(kestrel =>
        {
            // Cleartext HTTP/2 (h2c) by default: without TLS, Kestrel's default
            // Http1AndHttp2 only speaks HTTP/1.1 and gRPC clients fail. Set in code so it
            // holds whatever folder the hub is started from.
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https => UseCertificate(https, certificate, options.Tls));
            }

            if (string.IsNullOrWhiteSpace(httpJsonUrl) && string.IsNullOrWhiteSpace(metricsUrl) && string.IsNullOrWhiteSpace(probeUrl) && certificate is null)
            {
                return;
            }

            // An endpoint declared in code makes Kestrel ignore --urls (it logs "Overriding
            // address(es)"), so the hub declares the --urls addresses itself, each as Kestrel
            // binds it: over TLS, HTTP/1.1 and HTTP/2 share the port (ALPN), so HTTP/JSON
            // clients need no second door.
            foreach (var url in addresses)
            {
                Listen(kestrel, url, IsHttps(url) ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2);
            }

            if (!string.IsNullOrWhiteSpace(httpJsonUrl))
            {
                if (IsHttps(httpJsonUrl))
                {
                    throw new InvalidOperationException(
                        $"Interop:HttpJsonUrl '{httpJsonUrl}' must be a cleartext http:// address: over TLS the hub's own https:// address serves HTTP/1.1 too.");
                }

                Listen(kestrel, httpJsonUrl.Trim(), HttpProtocols.Http1);
            }

            if (!string.IsNullOrWhiteSpace(metricsUrl))
            {
                // HTTP/1.1: what Prometheus speaks in cleartext.
                Listen(kestrel, metricsUrl.Trim(), HttpProtocols.Http1);
            }

            if (!string.IsNullOrWhiteSpace(probeUrl))
            {
                Listen(kestrel, probeUrl.Trim(), HttpProtocols.Http2);
            }
        });
    }

    private static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static void UseCertificate(HttpsConnectionAdapterOptions https, X509Certificate2 certificate, TlsOptions tls)
    {
        https.ServerCertificate = certificate;
        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        if (!string.IsNullOrWhiteSpace(tls.ClientCertificateAuthorities))
        {
            // Asked for at the handshake (HTTP/2 forbids renegotiation) but not checked there:
            // a refused handshake reaches the client as a bare connection failure, whereas the
            // authentication handler answers UNAUTHENTICATED with the reason.
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols)
    {
        var address = BindingAddress.Parse(url);
        var https = string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        if (address.IsUnixPipe || (!https && !string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"'{url}': the hub listens on http:// or https:// addresses with a host and a port.");
        }

        void Configure(ListenOptions endpoint)
        {
            endpoint.Protocols = protocols;
            if (https)
            {
                endpoint.UseHttps();
            }
        }

        if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            // "*", "+" or a host name: every interface, as Kestrel binds such a URL itself.
            kestrel.ListenAnyIP(address.Port, Configure);
        }
    }
}
