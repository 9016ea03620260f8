using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Interop.Testing;

/// <summary>
/// nginx in front of several hub processes, as a deployment's gRPC-aware load
/// balancer: h2c on a loopback port, <c>grpc_pass</c> to the replicas, each
/// call (HTTP/2 stream) balanced on its own, so one client connection reaches
/// every replica. nginx (Debian's package; <c>.ci/run</c> installs it) runs
/// from its own prefix and configuration in a temporary folder, in the
/// foreground, as <c>nobody</c> when the tests run as root.
/// </summary>
/// <remarks>
/// A replica that refuses connections (killed, or stopped and no longer
/// listening) is skipped for the next one before the call is sent
/// (<c>grpc_next_upstream error</c>); a call in flight on a replica that dies
/// reaches the client as UNAVAILABLE, which clients retry.
/// </remarks>
public sealed class GrpcProxy : IAsyncDisposable
{
    private readonly ChildProcess process;
    private readonly string directory;

    private GrpcProxy(ChildProcess process, string directory, Uri address)
    {
        this.process = process;
        this.directory = directory;
        Address = address;
    }

    /// <summary>The proxy's address (<c>http://127.0.0.1:port</c>, h2c), for clients.</summary>
    public Uri Address { get; }

    /// <summary>nginx's error log so far (upstream failures it saw), for a failing test's message.</summary>
    public string ErrorLog
    {
        get
        {
            var path = Path.Combine(directory, "error.log");
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
    }

    /// <summary>Starts nginx on a free loopback port in front of <paramref name="replicas"/>.</summary>
    public static async Task<GrpcProxy> StartAsync(IEnumerable<Uri> replicas)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: apt-get install -y nginx-light (.ci/run does it).");
        var directory = Directory.CreateTempSubdirectory("interop-proxy-").FullName;
        var port = FreePort();
        var configuration = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(configuration, Configuration(directory, port, replicas));

        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // nginx's workers would drop to nobody anyway; the whole server runs as it, in its own folder.
            var chown = await ChildProcess.RunAsync("chown", ["-R", "nobody", directory]);
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException($"chown nobody {directory}: {chown.Error}");
            }
        }

        string[] nginxArguments = ["-p", directory, "-c", configuration, "-e", Path.Combine(directory, "error.log")];
        var process = asRoot
            ? ChildProcess.Start("runuser", ["-u", "nobody", "--", nginx, .. nginxArguments])
            : ChildProcess.Start(nginx, nginxArguments);
        var proxy = new GrpcProxy(process, directory, new Uri($"http://127.0.0.1:{port}"));
        await proxy.WaitUntilListeningAsync(port);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private static string Configuration(string directory, int port, IEnumerable<Uri> replicas)
    {
        var servers = new StringBuilder();
        foreach (var replica in replicas)
        {
            // One failure takes a replica out for 2 s, then nginx tries it again.
            servers.Append(CultureInfo.InvariantCulture, $"        server 127.0.0.1:{replica.Port} max_fails=1 fail_timeout=2s;\n");
        }

        return $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream hubs {
            {{servers}}        keepalive 64;
                }
                server {
                    listen 127.0.0.1:{{port}} http2;
                    http2_max_concurrent_streams 1000;
                    location / {
                        grpc_pass grpc://hubs;
                        grpc_next_upstream error timeout;
                        grpc_connect_timeout 2s;
                        # Feed streams are long; the hub's heartbeats keep them busy.
                        grpc_read_timeout 1h;
                        grpc_send_timeout 1h;
                        client_body_timeout 1h;
                    }
                }
            }
            """;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(TimeSpan.FromSeconds(5));
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}:\n{process.Combined}\n{ErrorLog}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nginx did not listen on port {port} within 20 s:\n{process.Combined}\n{ErrorLog}");
    }
}
