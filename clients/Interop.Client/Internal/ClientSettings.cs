using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Interop.Client.Internal;

/// <summary>The options of a client, checked and frozen when it is created.</summary>
internal sealed record ClientSettings(
    Uri Address,
    string ApiKey,
    TimeSpan DefaultDeadline,
    TimeSpan KeepAlivePingDelay,
    TimeSpan KeepAlivePingTimeout,
    int MaxAttempts,
    TimeSpan RetryBaseDelay,
    TimeSpan RetryMaxDelay,
    HttpMessageHandler? HttpMessageHandler,
    TimeProvider TimeProvider,
    ILoggerFactory? LoggerFactory)
{
    /// <summary>The client certificate of mutual TLS, if any.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>The private authorities trusted for the hub's certificate, if any.</summary>
    public X509Certificate2Collection? ServerCertificateAuthorities { get; init; }

    /// <summary>The longest pause of the channel between two connection attempts (<see cref="InteropClientOptions.ReconnectMaxBackoff"/>).</summary>
    public TimeSpan ReconnectMaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether calls carry an API key; without one, the client certificate is the credential.</summary>
    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    public bool IsCleartext => Address.Scheme == Uri.UriSchemeHttp;

    /// <summary>Without the key: a record's generated text would print it wherever the settings are logged.</summary>
    public override string ToString() => $"ClientSettings {{ Address = {Address}, DefaultDeadline = {DefaultDeadline}, MaxAttempts = {MaxAttempts} }}";

    public static ClientSettings From(InteropClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Address is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("InteropClientOptions.Address must be an absolute http:// or https:// address of the hub.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey) && options.ClientCertificate is null)
        {
            throw new ArgumentException("InteropClientOptions.ApiKey is required: the organisation's API key (or a ClientCertificate the hub knows).", nameof(options));
        }

        if (options.HttpMessageHandler is not null && (options.ClientCertificate is not null || options.ServerCertificateAuthorities is not null))
        {
            throw new ArgumentException(
                "InteropClientOptions.ClientCertificate and ServerCertificateAuthorities configure the default handler: with an HttpMessageHandler of your own, set them on it.",
                nameof(options));
        }

        var retry = options.Retry ?? new InteropRetryOptions();
        Positive(options.DefaultDeadline, "DefaultDeadline");
        Positive(options.KeepAlivePingDelay, "KeepAlivePingDelay");
        Positive(options.KeepAlivePingTimeout, "KeepAlivePingTimeout");
        Positive(options.ReconnectMaxBackoff, "ReconnectMaxBackoff");
        Positive(retry.BaseDelay, "Retry.BaseDelay");
        if (retry.MaxAttempts < 1)
        {
            throw new ArgumentException("InteropClientOptions.Retry.MaxAttempts must be at least 1 (1 turns retries off).", nameof(options));
        }

        if (retry.MaxDelay < retry.BaseDelay)
        {
            throw new ArgumentException("InteropClientOptions.Retry.MaxDelay must not be shorter than Retry.BaseDelay.", nameof(options));
        }

        return new ClientSettings(
            address,
            options.ApiKey,
            options.DefaultDeadline,
            options.KeepAlivePingDelay,
            options.KeepAlivePingTimeout,
            retry.MaxAttempts,
            retry.BaseDelay,
            retry.MaxDelay,
            options.HttpMessageHandler,
            options.TimeProvider ?? TimeProvider.System,
            options.LoggerFactory)
        {
            ClientCertificate = options.ClientCertificate,
            ServerCertificateAuthorities = options.ServerCertificateAuthorities,
            ReconnectMaxBackoff = options.ReconnectMaxBackoff,
        };
    }

    /// <summary>The handler the client uses when none is given: long-lived HTTP/2 connections with keepalive pings.</summary>
    public HttpMessageHandler CreateDefaultHandler()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = KeepAlivePingDelay,
            KeepAlivePingTimeout = KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            EnableMultipleHttp2Connections = true,
        };
        if (ClientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [ClientCertificate];
        }

        if (ServerCertificateAuthorities is { Count: > 0 } authorities)
        {
            // The system's trust store is replaced, not extended: a private hub's certificate
            // is meant to be vouched for by its own authority only.
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            handler.SslOptions.CertificateChainPolicy.CustomTrustStore.AddRange(authorities);
        }

        return handler;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"InteropClientOptions.{name} must be positive.", name);
        }
    }
}
