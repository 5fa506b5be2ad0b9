using CustomerApi.Infrastructure.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>
/// The admin API's operations ask for the admin key (X-Admin-Key) instead of a store's token, and say what their path
/// parameters are, which the generator leaves undescribed.
/// </summary>
public sealed class AdminOperations : IOpenApiOperationTransformer
{
    public const string SchemeName = AdminKeyMiddleware.Header;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.IsAdminApi())
        {
            return Task.CompletedTask;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path) ?? [])
        {
            parameter.Description ??= parameter.Name switch
            {
                "hash" => "The store's hash: the X in /stores/X/v2/..., as POST /admin/stores made it or was given it.",
                "id" => "The token's id, as POST /admin/stores/{hash}/tokens or GET /admin/stores/{hash}/tokens gives it.",
                _ => $"The {parameter.Name!.Replace('_', ' ')}.",
            };
        }

        return Task.CompletedTask;
    }
}
