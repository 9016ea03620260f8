using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Interop.Client;

/// <summary>
/// How an <see cref="InteropClient"/> reaches the hub: its address, the
/// organisation's API key, deadlines, keepalive and retries. Read once when
/// the client is created; later changes have no effect on it.
/// </summary>
public sealed class InteropClientOptions
{
    /// <summary>
    /// The hub's address, e.g. <c>https://interop.example.fr</c>. Required.
    /// An <c>http://</c> address speaks cleartext HTTP/2 (h2c), as a local hub
    /// does; the API key then travels in clear, which is only acceptable on a
    /// loopback or a private network (the client sets
    /// <c>GrpcChannelOptions.UnsafeUseInsecureChannelCallCredentials</c> for
    /// such an address only).
    /// </summary>
    public Uri? Address { get; set; }

    /// <summary>
    /// The organisation's API key (<c>ik_…</c>), sent as
    /// <c>authorization: Bearer &lt;key&gt;</c> on every call. Required unless
    /// <see cref="ClientCertificate"/> is set; with both, the hub goes by the key.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// The deadline of each attempt of a unary call made without a deadline of
    /// its own. Default 30 seconds. Never applied to
    /// <c>ChangeFeedService.Subscribe</c>, whose streams have no deadline.
    /// A deadline given by the caller bounds the whole call, retries included.
    /// </summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a connection may stay silent before the client sends an HTTP/2
    /// PING to check it is alive. Default 60 seconds. Ignored when
    /// <see cref="HttpMessageHandler"/> is set.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the client waits for the answer to a keepalive PING before it
    /// closes the connection (a feed stream then reconnects). Default 20
    /// seconds. Ignored when <see cref="HttpMessageHandler"/> is set.
    /// </summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest pause between two attempts of the channel to connect to a
    /// hub that refused or dropped the connection (gRPC's reconnect backoff:
    /// from 1 second, growing, jittered). Default 5 seconds, not gRPC's 120:
    /// after a hub restart (a deployment, a crash) calls and feed streams go
    /// through again within seconds, instead of waiting out a backoff that grew
    /// while the hub was away.
    /// </summary>
    public TimeSpan ReconnectMaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of unary calls after a transient failure. Defaults: 5 attempts, 200 ms to 10 s, jittered exponential backoff.</summary>
    public InteropRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// A client certificate with its private key, presented to an <c>https://</c>
    /// hub that maps it to the organisation (mutual TLS, as the national
    /// interface does with its partners). Default: none. Ignored by the hub over
    /// <c>http://</c>; not allowed together with <see cref="HttpMessageHandler"/>
    /// (set it on that handler instead). The client does not dispose it.
    /// </summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>
    /// The authorities that issue the hub's server certificate, when it is not
    /// issued by a public authority the system trusts (a private or territorial
    /// CA). Default: none, the system's trust store decides. Not allowed together
    /// with <see cref="HttpMessageHandler"/>.
    /// </summary>
    public X509Certificate2Collection? ServerCertificateAuthorities { get; set; }

    /// <summary>
    /// The HTTP handler under the channel, for a proxy, client certificates or
    /// tests. Default: a <c>SocketsHttpHandler</c> with the keepalive settings
    /// above and several HTTP/2 connections allowed. The client does not
    /// dispose a handler given here.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>
    /// The clock of retry and reconnection delays and of the feed's
    /// acknowledgement interval. Default <see cref="TimeProvider.System"/>.
    /// Deadlines always follow the system clock, as gRPC measures them.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Where retries, reconnections and failed acknowledgements are logged. Default: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
