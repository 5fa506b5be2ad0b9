using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>Says what the generator cannot know of a success: a 201 carries <c>Location</c>; what a V2 204 means.</summary>
public sealed class SuccessResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse createdResponse)
        {
            createdResponse.Description = "Created; Location is the new resource's URL.";
            createdResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
            createdResponse.Headers["Location"] = new OpenApiHeader
            {
                Description = "The path of what was created, e.g. /stores/demo/v2/customers/1.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        if (operation.Responses?.TryGetValue("204", out var empty) == true && empty is OpenApiResponse emptyResponse)
        {
            emptyResponse.Description = context.Description.HttpMethod == HttpMethods.Get
                ? "Nothing matches, or the page is past the end: V2 answers an empty list with 204 and no body."
                : "Done; no body.";
        }

        return Task.CompletedTask;
    }
}
