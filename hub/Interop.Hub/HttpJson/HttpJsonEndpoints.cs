using System.Net;
using Interop.Hub.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Interop.Hub.HttpJson;

/// <summary>
/// Kestrel's endpoints: cleartext HTTP/2 (h2c) on the <c>--urls</c> addresses, and, when
/// <see cref="InteropOptions.HttpJsonUrl"/> is set, one more address speaking HTTP/1.1 for the
/// HTTP/JSON door.
/// </summary>
internal static class HttpJsonEndpoints
{
    private const string DefaultUrls = "http://localhost:5000";

    public static void Configure(IWebHostBuilder webHost, IConfiguration configuration)
    {
        var httpJsonUrl = configuration[$"{InteropOptions.Section}:{nameof(InteropOptions.HttpJsonUrl)}"];
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        webHost.ConfigureKestrel(kestrel =>
        {
            // Cleartext HTTP/2 (h2c) by default: without TLS, Kestrel's default
            // Http1AndHttp2 only speaks HTTP/1.1 and gRPC clients fail. Set in code so it
            // holds whatever folder the hub is started from.
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            if (string.IsNullOrWhiteSpace(httpJsonUrl))
            {
                return;
            }

            // An endpoint declared in code makes Kestrel ignore --urls (it logs "Overriding
            // address(es)"), so the hub declares the --urls addresses itself, each as Kestrel binds it.
            foreach (var url in (string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Listen(kestrel, url, HttpProtocols.Http2);
            }

            Listen(kestrel, httpJsonUrl.Trim(), HttpProtocols.Http1);
        });
    }

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols)
    {
        var address = BindingAddress.Parse(url);
        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase) || address.IsUnixPipe)
        {
            throw new InvalidOperationException(
                $"'{url}': with Interop:HttpJsonUrl set, the hub binds cleartext http:// addresses itself; TLS is configured by the deployment.");
        }

        if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, endpoint => endpoint.Protocols = protocols);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, endpoint => endpoint.Protocols = protocols);
        }
        else
        {
            // "*", "+" or a host name: every interface, as Kestrel binds such a URL itself.
            kestrel.ListenAnyIP(address.Port, endpoint => endpoint.Protocols = protocols);
        }
    }
}
