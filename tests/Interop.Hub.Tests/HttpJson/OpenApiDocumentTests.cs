using System.Net;
using System.Text.Json;
using Interop.Testing;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>The OpenAPI document a PHP or Java team generates its client from.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("httpjson-openapi", httpJson: true);

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task OpenApiDocument_WithoutCredentials_DescribesEveryRegistryOperationAndTheBearerScheme()
    {
        using var http = new HttpClient { BaseAddress = hub.HttpJsonAddress };

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "POST /v1/applications",
                "POST /v1/applications:import",
                "GET /v1/applications",
                "GET /v1/applications/{applicationId}",
                "PATCH /v1/applications/{applicationId}",
                "POST /v1/applications/{applicationId}:renew",
                "POST /v1/applications/{applicationId}:radiate",
                "POST /v1/applications/{applicationId}:reactivate",
                "GET /v1/subscriptions/{subscriptionId}:stream",
                "GET /v1/applications/{applicationId}/proposals/{proposalId}",
            },
            operations);

        var get = paths.GetProperty("/v1/applications/{applicationId}").GetProperty("get");
        Assert.Equal("Reads one application.", get.GetProperty("summary").GetString());
        // The path names the application; asOf (a past state) is the one query parameter.
        Assert.Equal(
            [("path", "applicationId"), ("query", "asOf")],
            get.GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("in").GetString(), p.GetProperty("name").GetString())).OrderBy(p => p.Item1, StringComparer.Ordinal));
        var list = paths.GetProperty("/v1/applications").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("departement", list);
        Assert.Contains("pageToken", list);
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
