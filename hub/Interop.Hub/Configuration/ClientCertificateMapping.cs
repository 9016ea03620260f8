namespace Interop.Hub.Configuration;

/// <summary>
/// One client certificate, or one subject, and the organisation it authenticates as
/// (<c>Interop:Tls:ClientCertificates:N:…</c>). Exactly one of <see cref="Thumbprint"/> and
/// <see cref="Subject"/> is set.
/// </summary>
public sealed class ClientCertificateMapping
{
    /// <summary>The organisation's id in the hub (e.g. <c>bailleur-calvados-habitat</c>). Required.</summary>
    public string Organization { get; set; } = "";

    /// <summary>
    /// The certificate's SHA-256 fingerprint in hexadecimal, colons allowed
    /// (<c>openssl x509 -noout -fingerprint -sha256</c>): pins one certificate, so a renewal needs a new entry.
    /// </summary>
    public string? Thumbprint { get; set; }

    /// <summary>
    /// The certificate's subject distinguished name (e.g. <c>CN=erp.calvados-habitat.fr, O=Calvados Habitat</c>):
    /// any certificate the trusted authorities issue to that subject, so renewals need no change.
    /// </summary>
    public string? Subject { get; set; }
}
