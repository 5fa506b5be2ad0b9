using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CustomerApi.Infrastructure.Validation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>
/// Writes into each request body's schema what its validator enforces: required fields, lengths, bounds, enums and a
/// batch's item count, so the document states the rules the service applies rather than a copy of them.
/// </summary>
public sealed class ValidatorSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var validator = RequestBodies.ValidatorOf(context.JsonTypeInfo.Type, context.ApplicationServices);
        if (validator is null)
        {
            return Task.CompletedTask;
        }

        if (validator.GetType().BaseType is { IsGenericType: true } batch && batch.GetGenericTypeDefinition() == typeof(BatchValidator<>))
        {
            schema.MinItems = 1;
            schema.MaxItems = (int)batch.GetProperty(nameof(BatchValidator<object>.MaxItems))!.GetValue(validator)!;
            return Task.CompletedTask;
        }

        if (schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        var rules = validator.CreateDescriptor();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            var member = (property.AttributeProvider as System.Reflection.MemberInfo)?.Name;
            if (member is not null && schema.Properties.TryGetValue(property.Name, out var found) && found is OpenApiSchema target)
            {
                foreach (var (rule, component) in rules.GetValidatorsForMember(member).Select(r => (r.Validator, r.Options)))
                {
                    Apply(schema, target, property, rule, component);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Apply(OpenApiSchema owner, OpenApiSchema field, JsonPropertyInfo property, IPropertyValidator rule, IRuleComponent component)
    {
        switch (rule)
        {
            case INotNullValidator when !component.HasCondition && !component.HasAsyncCondition:
                owner.Required ??= new HashSet<string>();
                owner.Required.Add(property.Name);
                field.Type &= ~JsonSchemaType.Null;
                break;
            case ILengthValidator length:
                field.MaxLength = length.Max > 0 ? length.Max : field.MaxLength;
                field.MinLength = length.Min > 0 ? length.Min : field.MinLength;
                break;
            case IBetweenValidator between:
                field.Minimum = Number(between.From);
                field.Maximum = Number(between.To);
                break;
            case IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual } atLeast:
                field.Minimum = Number(atLeast.ValueToCompare);
                break;
            case IComparisonValidator { Comparison: Comparison.GreaterThan } above:
                field.ExclusiveMinimum = Number(above.ValueToCompare);
                break;
            case IOneOfValidator oneOf:
                field.Enum = [.. oneOf.Values.Select(v => (JsonNode)JsonValue.Create(v))];
                if (field.Type?.HasFlag(JsonSchemaType.Null) == true)
                {
                    field.Enum.Add(null!); // absent or null leaves the field as it is
                }

                break;
        }
    }

    private static string? Number(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
}
