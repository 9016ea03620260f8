using Microsoft.Extensions.FileProviders;

namespace Interop.Hub.Observatory.Report;

/// <summary>
/// The observatory's web report, <c>/observatoire/</c>: a static page that calls the hub's
/// HTTP/JSON routes with the API key its user types in. The page itself holds no data, so it is
/// served without credentials (like the OpenAPI document); every figure it shows comes through
/// the same access control as the RPCs. Browsers speak HTTP/1.1 or TLS, so it is opened on the
/// <c>Interop:HttpJsonUrl</c> address or an <c>https://</c> one, never on the h2c port.
/// </summary>
internal static class ObservatoryReport
{
    public const string Path = "/observatoire";

    /// <summary>The page's files in the hub's output: <c>hub/observatoire/www</c> and the chart library npm installed beside it.</summary>
    public static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "observatoire");

    public static WebApplication UseObservatoryReport(this WebApplication app)
    {
        if (!Directory.Exists(Folder))
        {
            app.Logger.LogWarning("No observatory report: {Folder} is missing from the hub's output", Folder);
            return app;
        }

        var files = new PhysicalFileProvider(Folder);
        // The bare path redirects, so the page's relative links resolve under the folder.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals(Path, StringComparison.Ordinal))
            {
                context.Response.Redirect(Path + "/", permanent: false);
                return Task.CompletedTask;
            }

            if (context.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal))
            {
                SecurityHeaders(context.Response.Headers);
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            // The page changes with the hub: the browser revalidates rather than keeps an old script.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    // The page handles an API key: nothing but its own files may run in it, no other site may
    // frame it, and the addresses it calls are its own origin's.
    private static void SecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
