using System.Diagnostics;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using OpenTelemetry.Trace;

namespace Interop.Hub.Tests.Diagnostics;

/// <summary>A call's trace, as an OTLP collector would receive it: the gRPC server span, the service span under it, Npgsql's spans under that.</summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly ExportedSpans exported = new();
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync(
        "tracing",
        settings: new Dictionary<string, string> { ["Interop:Telemetry:Traces"] = "true" },
        services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)));

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Registration_IsOneTraceFromTheCallThroughTheServiceToTheDatabase()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } };

        await new RegistryService.RegistryServiceClient(hub.Calls).CreateApplicationAsync(TestApplications.Create(), headers);

        var spans = await SpansOfAsync(traceId, spans => spans.Any(s => s.Source.Name == "Npgsql") && spans.Any(s => s.Kind == ActivityKind.Server));
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        var service = Assert.Single(spans, s => s.Source.Name == "Interop.Hub");
        Assert.Equal("interop.v1.RegistryService/CreateApplication", service.DisplayName);
        Assert.Equal(server.SpanId, service.ParentSpanId);
        var database = spans.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.All(database, span => Assert.True(Descends(span, server, spans), "A database span outside the call's trace tree"));

        // The key lookup runs before the service (authentication); the registration's own statements under it.
        Assert.Contains(database, span => Descends(span, service, spans) && QueryOf(span).Contains("INSERT INTO applications", StringComparison.OrdinalIgnoreCase));
    }

    private static string QueryOf(Activity span) =>
        span.GetTagItem("db.query.text") as string ?? span.GetTagItem("db.statement") as string ?? "";

    private static bool Descends(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            parent = spans.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }

    // Spans are exported as they end, the server span last, after the answer has left.
    private async Task<IReadOnlyList<Activity>> SpansOfAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var spans = exported.Snapshot().Where(s => s.TraceId == traceId).ToList();

            if (complete(spans) || DateTime.UtcNow > deadline)
            {
                return spans;
            }

            await Task.Delay(50);
        }
    }
}
