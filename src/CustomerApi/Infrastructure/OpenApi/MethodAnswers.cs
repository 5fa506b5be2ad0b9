using CustomerApi.Infrastructure.Errors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>
/// The answers to a method a path does not have, which no operation can list: 405 for a method of the API (e.g. PUT on a count),
/// 501 for one the API does not use (e.g. PATCH). They are components (<c>MethodNotAllowedV2</c>, ...) that each path's
/// description points to.
/// </summary>
public sealed class MethodAnswers : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var version in new[] { ApiVersion.V2, ApiVersion.V3, ApiVersion.Admin })
        {
            document.Components.Responses[$"MethodNotAllowed{version}"] = ErrorSchemas.Response(version, document,
                "The path does not take this method.", BcErrors.MethodNotAllowed(version, "PUT"));
            document.Components.Responses[$"MethodNotImplemented{version}"] = ErrorSchemas.Response(version, document,
                "The API does not use this method.", BcErrors.MethodNotImplemented(version, "PATCH"));
        }

        foreach (var (path, item) in document.Paths)
        {
            if (item is OpenApiPathItem pathItem && (path.StartsWith("/stores/", StringComparison.Ordinal) || path.StartsWith("/admin/", StringComparison.Ordinal)))
            {
                var version = path.StartsWith("/admin/", StringComparison.Ordinal) ? ApiVersion.Admin
                    : path.Contains("/v3/", StringComparison.Ordinal) ? ApiVersion.V3 : ApiVersion.V2;
                pathItem.Description = $"Other methods answer 405 (MethodNotAllowed{version}); a method the API does not use (PATCH), 501 (MethodNotImplemented{version}).";
            }
        }

        return Task.CompletedTask;
    }
}
