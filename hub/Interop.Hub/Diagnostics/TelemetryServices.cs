using Interop.Hub.Configuration;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Interop.Hub.Diagnostics;

/// <summary>Metrics and traces: the hub's meter and spans, and where they go by configuration.</summary>
internal static class TelemetryServices
{
    private const string MetricsPath = "/metrics";

    /// <summary>
    /// The hub's meter always exists (tests and <c>dotnet-counters</c> read it); the OpenTelemetry
    /// pipelines only when an exporter is configured: <see cref="TelemetryOptions.MetricsUrl"/>
    /// (Prometheus) and <see cref="TelemetryOptions.OtlpEndpoint"/> (OTLP, metrics and traces).
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, TelemetryOptions telemetry)
    {
        services.AddSingleton<DatabaseGauges>();
        services.AddSingleton<HubMetrics>();
        services.AddSingleton<CallTelemetryInterceptor>();

        var prometheus = !string.IsNullOrWhiteSpace(telemetry.MetricsUrl);
        var otlp = string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint) ? null : new Uri(telemetry.OtlpEndpoint);
        if (!prometheus && otlp is null && !telemetry.TracesEnabled)
        {
            return services;
        }

        var builder = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("interop-hub"));
        if (prometheus || otlp is not null)
        {
            builder.WithMetrics(metrics =>
            {
                metrics.AddMeter(HubMetrics.MeterName).AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        }

        if (telemetry.TracesEnabled)
        {
            builder.WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(telemetry.TraceSampling, 0, 1))))
                    .AddSource(HubActivities.SourceName)
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbeOrScrape(context))
                    .AddNpgsql();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        }

        return services;
    }

    /// <summary>
    /// On the <see cref="TelemetryOptions.MetricsUrl"/> port: <c>GET /metrics</c> and nothing else,
    /// so that cleartext port never carries the API (nor its keys).
    /// </summary>
    public static void MapMetricsPort(this WebApplication app, TelemetryOptions telemetry)
    {
        if (string.IsNullOrWhiteSpace(telemetry.MetricsUrl))
        {
            return;
        }

        var port = BindingAddress.Parse(telemetry.MetricsUrl).Port;
        app.MapWhen(context => context.Connection.LocalPort == port, metricsPort =>
        {
            metricsPort.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
            metricsPort.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    private static bool IsProbeOrScrape(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal);
}
