using System.Globalization;
using System.Text;
using Google.Api;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Interop.Hub.HttpJson;

/// <summary>
/// Spells resource names out in the OpenAPI paths. Grpc.Swagger describes
/// <c>GET /v1/{name=applications/*}</c> as <c>/v1/{name}</c>: a generated client
/// then sends <c>/v1/applications%2F014…</c>, which no route matches, and
/// <c>GetApplication</c> and <c>GetProposal</c> collide on one path. Each
/// <c>*</c> of a resource pattern becomes its own path parameter instead
/// (<c>/v1/applications/{applicationId}/proposals/{proposalId}</c>), as the
/// transcoding itself matches it.
/// </summary>
internal sealed class ResourcePathDescriptions : IApiDescriptionProvider
{
    private static readonly ModelMetadata StringMetadata = new EmptyModelMetadataProvider().GetMetadataForType(typeof(string));

    // After Grpc.Swagger's provider (-900), which builds the descriptions.
    public int Order => -800;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            if (description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault() is { } metadata
                && Pattern(metadata.HttpRule) is { } pattern)
            {
                Rewrite(description, pattern);
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private static void Rewrite(ApiDescription description, string pattern)
    {
        var path = new StringBuilder();
        var added = new List<ApiParameterDescription>();
        var replaced = new List<string>();
        var verbAt = pattern.LastIndexOf(':');
        var verb = verbAt > pattern.LastIndexOf('}') ? pattern[verbAt..] : "";
        var template = pattern[..^verb.Length].TrimStart('/');
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                path.Append(template[position..]);
                break;
            }

            var close = template.IndexOf('}', open);
            path.Append(template[position..open]);
            var variable = template[(open + 1)..close];
            var equals = variable.IndexOf('=');
            if (equals < 0)
            {
                path.Append('{').Append(Camel(variable)).Append('}');
            }
            else
            {
                replaced.Add(variable[..equals]);
                var segments = variable[(equals + 1)..].Split('/');
                for (var i = 0; i < segments.Length; i++)
                {
                    if (i > 0)
                    {
                        path.Append('/');
                    }

                    if (segments[i] != "*")
                    {
                        path.Append(segments[i]);
                        continue;
                    }

                    var name = IdName(i > 0 ? segments[i - 1] : variable[..equals]);
                    path.Append('{').Append(name).Append('}');
                    added.Add(new ApiParameterDescription
                    {
                        Name = name,
                        ModelMetadata = StringMetadata,
                        Source = BindingSource.Path,
                        IsRequired = true,
                        Type = typeof(string),
                    });
                }
            }

            position = close + 1;
        }

        description.RelativePath = path.Append(verb).ToString();
        foreach (var field in replaced)
        {
            var jsonPath = string.Join('.', field.Split('.').Select(Camel));
            foreach (var stale in description.ParameterDescriptions.Where(p => p.Source == BindingSource.Path && (p.Name == jsonPath || p.Name == field)).ToList())
            {
                description.ParameterDescriptions.Remove(stale);
            }
        }

        foreach (var parameter in added)
        {
            description.ParameterDescriptions.Add(parameter);
        }
    }

    private static string? Pattern(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        _ => null,
    };

    // "applications" → "applicationId", "reviewItems" → "reviewItemId".
    private static string IdName(string collection) =>
        (collection.EndsWith('s') ? collection[..^1] : collection) + "Id";

    private static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
    }
}
