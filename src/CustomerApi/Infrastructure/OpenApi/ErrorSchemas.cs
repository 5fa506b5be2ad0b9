using System.Text.Json;
using CustomerApi.Infrastructure.Errors;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>BigCommerce's error bodies as schemas: V2 a list of <see cref="V2Error"/>, V3 one <see cref="V3Error"/>; and the admin API's <see cref="AdminError"/>.</summary>
public static class ErrorSchemas
{
    public const string V2Name = "ErrorV2";
    public const string V3Name = "ErrorV3";
    public const string AdminName = "ErrorAdmin";

    /// <summary>A reference to the version's error schema, which it adds to the document's components the first time.</summary>
    public static IOpenApiSchema Reference(ApiVersion version, OpenApiDocument document)
    {
        var name = version switch { ApiVersion.V3 => V3Name, ApiVersion.Admin => AdminName, _ => V2Name };
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = version switch { ApiVersion.V3 => V3(), ApiVersion.Admin => Admin(), _ => V2() };
        }

        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>An error answer: the version's error body, with <paramref name="example"/> as BcErrors writes it.</summary>
    public static OpenApiResponse Response(ApiVersion version, OpenApiDocument document, string description, BcErrorResult example) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new()
            {
                Schema = Reference(version, document),
                Example = JsonSerializer.SerializeToNode(example.Body, example.Body.GetType(), BcErrorResult.BodyOptions),
            },
        },
    };

    private static OpenApiSchema V2() => new()
    {
        Type = JsonSchemaType.Array,
        Description = "V2 errors: one item per problem, the answer's status in each.",
        MinItems = 1,
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "status", "message" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["details"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "invalid_reason for a field that is wrong, conflict_reason for a conflict.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        },
    };

    private static OpenApiSchema V3() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A V3 error: errors maps each field (index.field in a batch) to what is wrong with it.",
        Required = new HashSet<string> { "status", "title", "type", "errors" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
        },
    };

    private static OpenApiSchema Admin() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An admin API error: errors maps each field of the request to what is wrong with it.",
        Required = new HashSet<string> { "status", "title", "errors" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
        },
    };
}
