using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CustomerApi.Infrastructure.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>
/// Types what our converters write, which the generator cannot see through: text (every string goes through
/// <see cref="StorableTextConverter"/>), V2's RFC 2822 dates and 4-decimal money strings, V3's ISO 8601 dates.
/// </summary>
public sealed class WireSchemas : IOpenApiSchemaTransformer
{
    public const string Rfc2822Pattern = @"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$";
    public const string Iso8601Pattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$";
    public const string MoneyPattern = @"^-?\d+\.\d{4}$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String | (context.JsonPropertyInfo?.IsGetNullable == true ? JsonSchemaType.Null : 0);
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { } properties)
        {
            var isRequest = RequestBodies.IsRequest(context.JsonTypeInfo.Type, context.ApplicationServices);
            if (!isRequest)
            {
                // An answer has exactly the fields its type has, each one always written unless it is left out when null.
                schema.AdditionalPropertiesAllowed = false;
                schema.Required = context.JsonTypeInfo.Properties.Where(p => !p.IsExtensionData && !IsLeftOutWhenNull(p)).Select(p => p.Name).ToHashSet();
            }

            foreach (var property in context.JsonTypeInfo.Properties)
            {
                var leftOutWhenNull = IsLeftOutWhenNull(property);
                if (leftOutWhenNull && properties.TryGetValue(property.Name, out var omitted))
                {
                    schema.Required?.Remove(property.Name);
                    properties[property.Name] = WithoutNull(omitted);
                }

                if (ConverterOf(property) is { } converter && properties.TryGetValue(property.Name, out var found) && found is OpenApiSchema target)
                {
                    Describe(target, converter, property.IsGetNullable && !leftOutWhenNull, isRequest);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsLeftOutWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.WhenWritingNull) == true;

    /// <summary>A field that is left out rather than written as null: its schema without the null.</summary>
    private static IOpenApiSchema WithoutNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }

        if (inline.OneOf?.Where(s => s.Type != JsonSchemaType.Null).ToList() is [var only] && inline.OneOf.Count == 2)
        {
            return only;
        }

        inline.Type &= ~JsonSchemaType.Null;
        return inline;
    }

    /// <summary>The converter a property names with [JsonConverter] (the serializer wraps it for a nullable type).</summary>
    private static Type? ConverterOf(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonConverterAttribute), inherit: true)
            .OfType<JsonConverterAttribute>().FirstOrDefault()?.ConverterType;

    private static void Describe(OpenApiSchema schema, Type converter, bool nullable, bool isRequest)
    {
        var orNull = nullable ? JsonSchemaType.Null : 0;
        schema.Format = null;
        switch (converter)
        {
            case var _ when converter == typeof(Rfc2822DateConverter) && isRequest:
                Text(schema, orNull, pattern: null, example: "Tue, 13 Nov 2012 21:16:41 +0000");
                schema.Description ??= "An RFC 2822 or ISO 8601 date.";
                break;
            case var _ when converter == typeof(Rfc2822DateConverter):
                Text(schema, orNull, Rfc2822Pattern, example: "Tue, 13 Nov 2012 21:16:41 +0000");
                schema.Description ??= "An RFC 2822 date, in GMT (+0000).";
                break;
            case var _ when converter == typeof(Iso8601DateConverter):
                Text(schema, orNull, isRequest ? null : Iso8601Pattern, example: "2018-11-13T21:42:06Z");
                schema.Format = "date-time";
                break;
            case var _ when converter == typeof(V2MoneyConverter) && isRequest:
                schema.Type = JsonSchemaType.String | JsonSchemaType.Number | orNull;
                schema.Description ??= "An amount: a number, or a number in a string (\"Float, Float as String, Integer\"); kept to four decimals.";
                schema.Examples = [JsonValue.Create("12.5")];
                break;
            case var _ when converter == typeof(V2MoneyConverter):
                Text(schema, orNull, MoneyPattern, example: "0.0000");
                schema.Description ??= "An amount written with four decimals.";
                break;
        }
    }

    private static void Text(OpenApiSchema schema, JsonSchemaType orNull, string? pattern, string example)
    {
        schema.Type = JsonSchemaType.String | orNull;
        schema.Pattern = pattern;
        schema.Examples = [JsonValue.Create(example)];
    }
}
