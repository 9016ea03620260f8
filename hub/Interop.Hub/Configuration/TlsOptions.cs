namespace Interop.Hub.Configuration;

/// <summary>
/// The <c>Interop:Tls</c> section: the hub's own certificate, and the client certificates it
/// accepts in place of an API key. Unset: no TLS (cleartext HTTP/2, for local development or
/// behind a proxy that terminates TLS).
/// </summary>
public sealed class TlsOptions
{
    /// <summary>
    /// The server certificate: a PEM file (with <see cref="KeyFile"/>, or holding its key too) or
    /// a PKCS#12 file (<c>.pfx</c> / <c>.p12</c>, with <see cref="CertificatePassword"/>). Unset: see <see cref="StoreSubject"/>.
    /// </summary>
    public string? CertificateFile { get; set; }

    /// <summary>The PEM private key of <see cref="CertificateFile"/>, when it is a separate file (as cert-manager and Let's Encrypt write them).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The password of a PKCS#12 file or of an encrypted PEM key. Unset: none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Instead of files: the subject (e.g. <c>interop.example.fr</c>) of a certificate with its
    /// private key in the certificate store <see cref="StoreName"/> of <see cref="StoreLocation"/>;
    /// the valid one that expires last is used.
    /// </summary>
    public string? StoreSubject { get; set; }

    /// <summary>The store of <see cref="StoreSubject"/>. Default <c>My</c>.</summary>
    public string StoreName { get; set; } = "My";

    /// <summary>The store location of <see cref="StoreSubject"/>: <c>CurrentUser</c> (default) or <c>LocalMachine</c>.</summary>
    public string StoreLocation { get; set; } = "CurrentUser";

    /// <summary>
    /// A PEM file of the certificate authorities whose client certificates the hub accepts
    /// (mutual TLS). Unset: the hub asks for no client certificate and only API keys authenticate.
    /// </summary>
    public string? ClientCertificateAuthorities { get; set; }

    /// <summary>
    /// Which organisation each accepted client certificate stands for. A certificate must chain
    /// to <see cref="ClientCertificateAuthorities"/>, be within its validity period and match one
    /// entry; any other certificate is refused (UNAUTHENTICATED).
    /// </summary>
    public List<ClientCertificateMapping> ClientCertificates { get; set; } = [];

    /// <summary>Whether a server certificate is configured.</summary>
    public bool HasServerCertificate => !string.IsNullOrWhiteSpace(CertificateFile) || !string.IsNullOrWhiteSpace(StoreSubject);
}
