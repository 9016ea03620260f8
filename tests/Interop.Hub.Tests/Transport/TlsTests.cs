using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Transport;

/// <summary>
/// The hub over TLS from its configuration (PEM files of a throwaway authority): gRPC and HTTP/1.1
/// on one port through ALPN, API keys as before, and client certificates mapped to organisations
/// by fingerprint or subject; unknown, foreign and expired certificates are UNAUTHENTICATED.
/// </summary>
public sealed class TlsTests : IAsyncLifetime
{
    private const string ByThumbprint = "bailleur-mtls";
    private const string BySubject = "etat-mtls";
    private const string MappedSubject = "CN=erp.etat-mtls.example, O=Etat";

    private readonly string directory = Directory.CreateTempSubdirectory("interop-tls-").FullName;
    private readonly TestCertificateAuthority serverAuthority = TestCertificateAuthority.Create("Interop test server CA");
    private readonly TestCertificateAuthority partnerAuthority = TestCertificateAuthority.Create("Interop test partner CA");
    private readonly TestCertificateAuthority foreignAuthority = TestCertificateAuthority.Create("Someone else's CA");
    private readonly DateTimeOffset start = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1));
    private X509Certificate2 pinned = null!;
    private HubHost hub = null!;

    public async Task InitializeAsync()
    {
        using var server = serverAuthority.IssueServer();
        var (certificateFile, keyFile) = TestCertificateAuthority.WritePem(server, directory);
        pinned = partnerAuthority.IssueClient("CN=erp.bailleur-mtls.example, O=Bailleur", start.AddDays(-30), start.AddYears(1));
        hub = await HubHost.StartAsync("tls", start, new Dictionary<string, string>
        {
            ["Interop:Tls:CertificateFile"] = certificateFile,
            ["Interop:Tls:KeyFile"] = keyFile,
            ["Interop:Tls:ClientCertificateAuthorities"] = partnerAuthority.WriteCertificatePem(directory),
            ["Interop:Tls:ClientCertificates:0:Organization"] = ByThumbprint,
            ["Interop:Tls:ClientCertificates:0:Thumbprint"] = Convert.ToHexString(pinned.GetCertHash(HashAlgorithmName.SHA256)),
            ["Interop:Tls:ClientCertificates:1:Organization"] = BySubject,
            ["Interop:Tls:ClientCertificates:1:Subject"] = MappedSubject,
        }, serverAuthority: serverAuthority.Certificate);
        await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of(ByThumbprint, OrganizationKind.StateService, departements: ["14"]));
        await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of(BySubject, OrganizationKind.StateService, departements: ["14"]));
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        pinned.Dispose();
        serverAuthority.Dispose();
        partnerAuthority.Dispose();
        foreignAuthority.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ApiKey_OverTls_Works()
    {
        Assert.Equal(Uri.UriSchemeHttps, hub.Address.Scheme);

        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        await registry.CreateApplicationAsync(TestApplications.Create());

        var listed = await registry.ListApplicationsAsync(new ListApplicationsRequest());
        Assert.NotEmpty(listed.Applications);
    }

    [Fact]
    public async Task HttpJson_OverHttp11_SharesTheTlsPortThroughAlpn()
    {
        using var http = new HttpClient(HubHost.TrustingHandler(serverAuthority.Certificate, null))
        {
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await http.GetAsync(new Uri(hub.Address, "/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
    }

    [Fact]
    public async Task ClientCertificate_PinnedByThumbprint_IsItsOrganisation()
    {
        var client = hub.ConnectWithCertificate(pinned);

        await client.Registry.ListApplicationsAsync(new ListApplicationsRequest());
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => client.Admin.ListOrganizationsAsync(new ListOrganizationsRequest()).ResponseAsync);

        Assert.Contains($"Organisation {ByThumbprint} ", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificate_MappedBySubject_IsItsOrganisation()
    {
        using var certificate = partnerAuthority.IssueClient(MappedSubject, start.AddDays(-1), start.AddDays(90));
        var client = hub.ConnectWithCertificate(certificate);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => client.Admin.ListOrganizationsAsync(new ListOrganizationsRequest()).ResponseAsync);

        Assert.Contains($"Organisation {BySubject} ", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificate_NotRegistered_IsUnauthenticated()
    {
        using var certificate = partnerAuthority.IssueClient("CN=unknown.example, O=Nobody", start.AddDays(-1), start.AddDays(90));

        await AssertUnauthenticatedAsync(certificate, "not registered for any organisation");
    }

    [Fact]
    public async Task ClientCertificate_OfAnUntrustedAuthority_IsUnauthenticatedEvenWithAMappedSubject()
    {
        using var certificate = foreignAuthority.IssueClient(MappedSubject, start.AddDays(-1), start.AddDays(90));

        await AssertUnauthenticatedAsync(certificate, "not issued by an authority the hub trusts");
    }

    [Fact]
    public async Task ClientCertificate_Expired_IsUnauthenticated()
    {
        using var certificate = partnerAuthority.IssueClient(MappedSubject, start.AddDays(-400), start.AddDays(-1));

        await AssertUnauthenticatedAsync(certificate, "outside its validity period");
    }

    [Fact]
    public async Task ClientCertificate_OnceTheHubClockPassesItsEnd_IsRefused()
    {
        using var certificate = partnerAuthority.IssueClient(MappedSubject, start.AddDays(-1), start.AddDays(1));
        using var channel = ChannelPresenting(certificate);
        var registry = new RegistryService.RegistryServiceClient(channel);
        await registry.ListApplicationsAsync(new ListApplicationsRequest());

        hub.Clock.Advance(TimeSpan.FromDays(2));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => registry.ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync);
    }

    private async Task AssertUnauthenticatedAsync(X509Certificate2 certificate, string reason)
    {
        using var channel = ChannelPresenting(certificate);
        var registry = new RegistryService.RegistryServiceClient(channel);

        var status = await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated, () => registry.ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync, "UNAUTHENTICATED");

        Assert.Contains(reason, status.Message, StringComparison.Ordinal);
    }

    private GrpcChannel ChannelPresenting(X509Certificate2 certificate) =>
        GrpcChannel.ForAddress(hub.Address, new GrpcChannelOptions { HttpHandler = HubHost.TrustingHandler(serverAuthority.Certificate, certificate) });
}
