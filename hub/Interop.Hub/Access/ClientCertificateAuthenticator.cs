using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Interop.Hub.Configuration;
using Interop.Hub.Core.Access;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Access;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Access;

/// <summary>
/// Resolves a TLS client certificate to its organisation, as the national interface does with its
/// partners: the certificate must chain to one of the configured authorities, be valid now (the
/// hub's clock), and be mapped to an organisation by its SHA-256 fingerprint or its subject
/// (<see cref="TlsOptions.ClientCertificates"/>). Checked at every call, like API keys.
/// </summary>
internal sealed class ClientCertificateAuthenticator
{
    /// <summary>The key id recorded in the audit trail for calls made with a certificate: <c>cert:</c> and its fingerprint.</summary>
    public const string KeyIdPrefix = "cert:";

    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly RegistryDatabase database;
    private readonly OrganizationStore organizations;
    private readonly TimeProvider time;
    private readonly X509Certificate2Collection authorities;
    private readonly Dictionary<string, string> byThumbprint;
    private readonly Dictionary<string, string> bySubject;

    public ClientCertificateAuthenticator(RegistryDatabase database, OrganizationStore organizations, TimeProvider time, IOptions<InteropOptions> options)
    {
        this.database = database;
        this.organizations = organizations;
        this.time = time;
        var tls = options.Value.Tls;
        authorities = LoadAuthorities(tls.ClientCertificateAuthorities);
        byThumbprint = new(StringComparer.OrdinalIgnoreCase);
        bySubject = new(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in tls.ClientCertificates)
        {
            Add(mapping);
        }
    }

    /// <summary>Whether client certificates are accepted at all.</summary>
    public bool Enabled => authorities.Count > 0;

    public async Task<AuthenticationOutcome> AuthenticateAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (certificate.NotAfter.ToUniversalTime() <= now.UtcDateTime || certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            return AuthenticationOutcome.Refused("The client certificate is outside its validity period.");
        }

        if (!ChainsToAnAuthority(certificate, now))
        {
            return AuthenticationOutcome.Refused("The client certificate is not issued by an authority the hub trusts for client certificates.");
        }

        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (!byThumbprint.TryGetValue(thumbprint, out var organizationId) && !bySubject.TryGetValue(certificate.SubjectName.Name, out organizationId))
        {
            return AuthenticationOutcome.Refused("The client certificate is not registered for any organisation.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var organization = await organizations.GetAsync(connection, organizationId, cancellationToken);
        return organization is null
            ? AuthenticationOutcome.Refused("The client certificate's organisation does not exist.")
            : AuthenticationOutcome.Success(new Principal(organization, KeyIdPrefix + thumbprint));
    }

    private bool ChainsToAnAuthority(X509Certificate2 certificate, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);

        // Revocation is handled by removing the mapping (or the authority): a partner's CA
        // publishes no CRL the hub can be sure to reach, and an unreachable CRL would lock
        // every partner out at once.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        try
        {
            return chain.Build(certificate);
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }

    private void Add(ClientCertificateMapping mapping)
    {
        var hasThumbprint = !string.IsNullOrWhiteSpace(mapping.Thumbprint);
        var hasSubject = !string.IsNullOrWhiteSpace(mapping.Subject);
        if (string.IsNullOrWhiteSpace(mapping.Organization) || hasThumbprint == hasSubject)
        {
            throw new InvalidOperationException(
                "Each Interop:Tls:ClientCertificates entry needs an Organization and exactly one of Thumbprint (SHA-256) and Subject.");
        }

        if (hasThumbprint)
        {
            var thumbprint = mapping.Thumbprint!.Replace(":", "", StringComparison.Ordinal).Trim();
            if (thumbprint.Length != 64 || !thumbprint.All(Uri.IsHexDigit))
            {
                throw new InvalidOperationException(
                    $"Interop:Tls:ClientCertificates: '{mapping.Thumbprint}' is not a SHA-256 fingerprint (64 hexadecimal digits).");
            }

            byThumbprint[thumbprint] = mapping.Organization;
        }
        else
        {
            // Both sides in .NET's own rendering, so spacing and quoting in the setting do not matter.
            bySubject[new X500DistinguishedName(mapping.Subject!).Name] = mapping.Organization;
        }
    }

    private static X509Certificate2Collection LoadAuthorities(string? path)
    {
        var collection = new X509Certificate2Collection();
        if (string.IsNullOrWhiteSpace(path))
        {
            return collection;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Interop:Tls:ClientCertificateAuthorities '{path}' does not exist.");
        }

        collection.ImportFromPemFile(path);
        return collection.Count > 0
            ? collection
            : throw new InvalidOperationException($"Interop:Tls:ClientCertificateAuthorities '{path}' holds no PEM certificate.");
    }
}
