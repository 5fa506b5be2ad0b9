using System.Text.Json.Nodes;
using CustomerApi.Bootstrap;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>
/// Declares <c>store_hash</c> on every store route: no handler binds it (the auth middleware reads it), so the
/// generator would leave it out and Swagger UI would send <c>%7Bstore_hash%7D</c>.
/// </summary>
public sealed class StoreHashParameter : IOpenApiOperationTransformer
{
    public const string Name = "store_hash";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.StoreApi() is not null)
        {
            operation.Parameters ??= [];
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = Name,
                In = ParameterLocation.Path,
                Required = true,
                Description = "The store's hash, as in https://api.bigcommerce.com/stores/{store_hash}/. The embedded default's demo store is 'demo'.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create(DemoStore.Hash),
            });
        }

        return Task.CompletedTask;
    }
}
