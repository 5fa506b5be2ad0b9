using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>Endpoint metadata: a request body to show in the document, a value of the route's own body type.</summary>
public sealed record RequestExample(object Value);

public static class RequestExampleExtensions
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example) =>
        builder.WithMetadata(new RequestExample(example));
}

/// <summary>Writes each route's <see cref="RequestExample"/> as the service would read it: its JSON names, no nulls.</summary>
public sealed class RequestExamples(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    private readonly JsonSerializerOptions _options = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().LastOrDefault();
        if (example is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), _options);
        }

        return Task.CompletedTask;
    }
}
