using Interop.Hub.Configuration;

namespace Interop.Hub.Transport;

/// <summary>
/// The probe port answers health checks and nothing else: it is cleartext on the pod network,
/// so it must never carry the API and its credentials. (The metrics port is kept to its scrape
/// by <c>TelemetryServices.MapMetricsPort</c>.)
/// </summary>
internal static class DedicatedPorts
{
    private const string HealthService = "/grpc.health.v1.Health";

    public static void UseProbePort(this WebApplication app, InteropOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ProbeUrl))
        {
            return;
        }

        var port = BindingAddress.Parse(options.ProbeUrl).Port;
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port || context.Request.Path.StartsWithSegments(HealthService, StringComparison.Ordinal))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
