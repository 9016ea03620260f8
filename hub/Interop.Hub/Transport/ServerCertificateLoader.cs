using System.Security.Cryptography.X509Certificates;
using Interop.Hub.Configuration;

namespace Interop.Hub.Transport;

/// <summary>Reads the hub's server certificate from the files or the store <see cref="TlsOptions"/> names.</summary>
internal static class ServerCertificateLoader
{
    public static X509Certificate2 Load(TlsOptions tls)
    {
        var certificate = string.IsNullOrWhiteSpace(tls.CertificateFile) ? FromStore(tls) : FromFiles(tls, tls.CertificateFile);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"The server certificate {certificate.Subject} has no private key: set Interop:Tls:KeyFile, or use a file or store entry that holds it.");
        }

        return certificate;
    }

    private static X509Certificate2 FromFiles(TlsOptions tls, string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Interop:Tls:CertificateFile '{path}' does not exist.");
        }

        var extension = Path.GetExtension(path);
        if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, tls.CertificatePassword);
        }

        var keyFile = string.IsNullOrWhiteSpace(tls.KeyFile) ? null : tls.KeyFile;
        if (keyFile is not null && !File.Exists(keyFile))
        {
            throw new InvalidOperationException($"Interop:Tls:KeyFile '{keyFile}' does not exist.");
        }

        return string.IsNullOrEmpty(tls.CertificatePassword)
            ? X509Certificate2.CreateFromPemFile(path, keyFile)
            : X509Certificate2.CreateFromEncryptedPemFile(path, tls.CertificatePassword, keyFile);
    }

    private static X509Certificate2 FromStore(TlsOptions tls)
    {
        if (!Enum.TryParse<StoreLocation>(tls.StoreLocation, ignoreCase: true, out var location))
        {
            throw new InvalidOperationException($"Interop:Tls:StoreLocation '{tls.StoreLocation}' is neither CurrentUser nor LocalMachine.");
        }

        using var store = new X509Store(tls.StoreName, location);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        return store.Certificates
            .Find(X509FindType.FindBySubjectName, tls.StoreSubject!, validOnly: false)
            .Where(c => c.HasPrivateKey)
            .OrderByDescending(c => c.NotAfter)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"No certificate with a private key for '{tls.StoreSubject}' in the store {tls.StoreLocation}/{tls.StoreName} (Interop:Tls:StoreSubject).");
    }
}
