using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Client.Benchmarks;

/// <summary>
/// Registrations through the hub's HTTP/JSON door with a plain
/// <see cref="HttpClient"/>, as a PHP or Java ERP calls it:
/// <c>POST /v1/applications</c> with the request as proto3 JSON, over
/// HTTP/1.1 (the <c>Interop:HttpJsonUrl</c> endpoint) or cleartext HTTP/2
/// with prior knowledge (h2c, the main address). One HttpClient per client,
/// so each holds its own connection.
/// </summary>
internal static class JsonDoorSide
{
    public static Side Of(string name, Uri address, Version version, string apiKey, Func<int, string> deskOfClient, Connections connections) =>
        new(name, client =>
        {
            var http = connections.Keep(new HttpClient
            {
                BaseAddress = address,
                DefaultRequestVersion = version,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Timeout = TimeSpan.FromSeconds(30),
            });
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            return new Caller(() => TestApplications.Create(deskOfClient(client)), (r, cancellationToken) => RegisterAsync(http, (CreateApplicationRequest)r, cancellationToken));
        });

    private static async Task RegisterAsync(HttpClient http, CreateApplicationRequest request, CancellationToken cancellationToken)
    {
        using var content = new StringContent(JsonFormatter.Default.Format(request), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/v1/applications", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        RegistrySides.Expect(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode} {body}");
        var created = JsonParser.Default.Parse<CreateApplicationResponse>(body);
        RegistrySides.Expect(created.Application is { Number.Length: > 0 }, "POST /v1/applications answered 200 without a number");
    }
}
