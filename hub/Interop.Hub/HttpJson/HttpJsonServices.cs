using Grpc.AspNetCore.Server;
using Interop.Hub.Errors;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi.Models;

namespace Interop.Hub.HttpJson;

/// <summary>
/// The HTTP/JSON door: gRPC JSON transcoding of the services' <c>google.api.http</c> mappings,
/// and the OpenAPI document that describes them.
/// </summary>
internal static class HttpJsonServices
{
    public static IGrpcServerBuilder AddHttpJson(this IGrpcServerBuilder grpc)
    {
        // Field names are protobuf's default JSON names (lowerCamelCase: requestId,
        // expectedRevision); enums are written by name. The registry lets an error's
        // details (Any) be written with their @type.
        grpc.AddJsonTranscoding(options => options.TypeRegistry = ErrorDetailTypes.Registry);
        grpc.Services.AddGrpcSwagger();
        grpc.Services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ResourcePathDescriptions>());
        grpc.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Interop hub — HTTP/JSON",
                Version = "v1",
                Description = "The interop.v1 gRPC contract over HTTP/JSON (gRPC JSON transcoding). " +
                    "Errors are google.rpc.Status objects: code, message and details with their @type.",
            });
            var contracts = Path.Combine(AppContext.BaseDirectory, "Interop.Contracts.xml");
            if (File.Exists(contracts))
            {
                swagger.IncludeXmlComments(contracts);
                swagger.IncludeGrpcXmlComments(contracts, includeControllerXmlComments: true);
            }

            var bearer = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key of the caller's organisation: 'authorization: Bearer ik_…'.",
                Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" },
            };
            swagger.AddSecurityDefinition("bearer", bearer);
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement { [bearer] = [] });
        });
        return grpc;
    }

    /// <summary>
    /// Serves the OpenAPI document at <c>/openapi/v1.json</c>, to anyone: the contract is public.
    /// Built once, at the first request: Swashbuckle's middleware would rebuild it from the
    /// descriptors at every request, a cost anyone could make the hub pay without a key.
    /// </summary>
    public static WebApplication UseOpenApiDocument(this WebApplication app)
    {
        var document = new Lazy<byte[]>(() =>
        {
            var openApi = app.Services.GetRequiredService<Swashbuckle.AspNetCore.Swagger.ISwaggerProvider>().GetSwagger("v1");
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            openApi.SerializeAsV3(new Microsoft.OpenApi.Writers.OpenApiJsonWriter(text));
            return System.Text.Encoding.UTF8.GetBytes(text.ToString());
        });
        app.MapGet("/openapi/v1.json", () => Results.Bytes(document.Value, "application/json")).AllowAnonymous();
        return app;
    }
}
