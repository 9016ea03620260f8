using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>
/// A plain <see cref="HttpClient"/> on the hub's HTTP/JSON door, as a PHP or Java ERP
/// would call it: JSON bodies written by protobuf's own formatter from the contract's
/// request messages, answers parsed back strictly (an unknown field fails the test).
/// </summary>
internal sealed class JsonDoor : IDisposable
{
    public static readonly TypeRegistry ErrorDetails = TypeRegistry.FromMessages(
        ErrorInfo.Descriptor, BadRequest.Descriptor, ResourceInfo.Descriptor, PreconditionFailure.Descriptor, QuotaFailure.Descriptor);

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(ErrorDetails));

    private readonly HttpClient http;

    private JsonDoor(HttpClient http) => this.http = http;

    /// <summary>HTTP/1.1 to <paramref name="address"/>, or cleartext HTTP/2 with prior knowledge (h2c) when <paramref name="h2c"/>.</summary>
    public static JsonDoor Over(Uri address, string? apiKey, bool h2c = false)
    {
        var http = new HttpClient
        {
            BaseAddress = address,
            DefaultRequestVersion = h2c ? HttpVersion.Version20 : HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return new JsonDoor(http);
    }

    public static string Json(IMessage message) => JsonFormatter.Default.Format(message);

    public static T Parse<T>(string json)
        where T : IMessage<T>, new() => Parser.Parse<T>(json);

    public Task<T> GetAsync<T>(string path)
        where T : IMessage<T>, new() => SendAsync<T>(HttpMethod.Get, path);

    public Task<T> PostAsync<T>(string path, IMessage body)
        where T : IMessage<T>, new() => SendAsync<T>(HttpMethod.Post, path, body);

    public async Task<T> SendAsync<T>(HttpMethod method, string path, IMessage? body = null)
        where T : IMessage<T>, new()
    {
        using var response = await SendRawAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: HTTP {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Parse<T>(text);
    }

    /// <summary>Sends a call that must fail; returns the HTTP status and the <c>google.rpc.Status</c> of the body.</summary>
    public async Task<(HttpStatusCode Http, Status Status, string Body)> FailsAsync(HttpMethod method, string path, IMessage? body = null)
    {
        using var response = await SendRawAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, Parse<Status>(text), text);
    }

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, IMessage? body = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Version = http.DefaultRequestVersion,
            VersionPolicy = http.DefaultVersionPolicy,
        };
        if (body is not null)
        {
            request.Content = new StringContent(Json(body), Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request, completion, cancellationToken);
    }

    public void Dispose() => http.Dispose();
}
