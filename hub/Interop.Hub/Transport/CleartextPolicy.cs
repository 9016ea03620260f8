using System.Net;
using Interop.Hub.Configuration;

namespace Interop.Hub.Transport;

/// <summary>
/// Cleartext is for development: a Production hub refuses to listen without TLS on any address
/// a remote peer could reach, unless the operator says TLS ends in front of it
/// (<see cref="InteropOptions.AllowCleartext"/>). API keys would otherwise travel readable.
/// </summary>
internal static class CleartextPolicy
{
    public static void Enforce(IHostEnvironment environment, IConfiguration configuration, InteropOptions options)
    {
        if (!environment.IsProduction() || options.AllowCleartext)
        {
            return;
        }

        var exposed = CleartextAddresses(configuration, options).FirstOrDefault(url => !IsLoopback(url));
        if (exposed is not null)
        {
            throw new InvalidOperationException(
                $"Refusing cleartext '{exposed}' in Production: serve TLS (an https:// address with Interop:Tls:CertificateFile), "
                + "or, when a proxy or sidecar in front of the hub terminates TLS, set Interop:AllowCleartext=true (environment Interop__AllowCleartext=true).");
        }
    }

    private static IEnumerable<string> CleartextAddresses(IConfiguration configuration, InteropOptions options)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        var httpPorts = configuration["http_ports"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(url => !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                yield return url;
            }
        }
        else if (!string.IsNullOrWhiteSpace(httpPorts))
        {
            // ASPNETCORE_HTTP_PORTS (set by the official container images) binds every interface.
            foreach (var port in httpPorts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return $"http://*:{port}";
            }
        }
        else if (string.IsNullOrWhiteSpace(configuration["https_ports"]))
        {
            yield return HubEndpoints.DefaultUrls;
        }

        if (!string.IsNullOrWhiteSpace(options.HttpJsonUrl))
        {
            yield return options.HttpJsonUrl.Trim();
        }
    }

    private static bool IsLoopback(string url)
    {
        var host = BindingAddress.Parse(url).Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
