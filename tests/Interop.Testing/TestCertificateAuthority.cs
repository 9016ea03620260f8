using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Interop.Testing;

/// <summary>
/// A throwaway certificate authority made by the test (nothing committed, nothing in a store):
/// it issues the hub's server certificate for 127.0.0.1 and client certificates for mutual TLS.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private TestCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The authority's own certificate (with its key).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>An authority valid from two years ago to two years ahead of the real clock.</summary>
    public static TestCertificateAuthority Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=Interop tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificateAuthority(request.CreateSelfSigned(now.AddYears(-2), now.AddYears(2)));
    }

    /// <summary>A server certificate for <c>127.0.0.1</c> and <c>localhost</c>, valid around the real clock.</summary>
    public X509Certificate2 IssueServer()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        var now = DateTimeOffset.UtcNow;
        return Issue("CN=localhost", ServerAuthentication, now.AddDays(-1), now.AddYears(1), names.Build());
    }

    /// <summary>A client certificate for <paramref name="subject"/> (e.g. <c>CN=erp, O=Bailleur</c>) valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public X509Certificate2 IssueClient(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(subject, ClientAuthentication, notBefore, notAfter, null);

    /// <summary>Writes the authority's certificate as PEM into <paramref name="directory"/> and returns the path.</summary>
    public string WriteCertificatePem(string directory)
    {
        var path = Path.Combine(directory, $"ca-{Certificate.GetCertHashString()[..8]}.pem");
        File.WriteAllText(path, Certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes <paramref name="certificate"/> and its private key as two PEM files; returns (certificate, key) paths.</summary>
    public static (string Certificate, string Key) WritePem(X509Certificate2 certificate, string directory)
    {
        var name = certificate.GetCertHashString()[..8];
        var certificatePath = Path.Combine(directory, $"{name}.crt.pem");
        var keyPath = Path.Combine(directory, $"{name}.key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("An ECDSA certificate with its key was expected.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(string subject, Oid usage, DateTimeOffset notBefore, DateTimeOffset notAfter, X509Extension? names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        // The issuer's validity bounds its certificates'; the serial only needs to be unique here.
        var from = notBefore < Certificate.NotBefore ? new DateTimeOffset(Certificate.NotBefore) : notBefore;
        var to = notAfter > Certificate.NotAfter ? new DateTimeOffset(Certificate.NotAfter) : notAfter;
        using var issued = request.Create(Certificate, from, to, RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }
}
