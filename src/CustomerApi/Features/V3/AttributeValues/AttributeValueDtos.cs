using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Json;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Features.V3.AttributeValues;

/// <summary>A customer's attribute value as V3 answers it; <c>attribute_value</c> is always text, whatever the type.</summary>
public sealed record AttributeValueV3(
    int Id,
    int CustomerId,
    int AttributeId,
    string AttributeValue,
    [property: JsonConverter(typeof(Iso8601DateConverter))] DateTime DateCreated,
    [property: JsonConverter(typeof(Iso8601DateConverter))] DateTime DateModified);

/// <summary>One item of the <c>PUT /customers/attribute-values</c> upsert (note: <c>value</c> here, <c>attribute_value</c> out).</summary>
public sealed class UpsertAttributeValueV3 : IHasExtraFields
{
    /// <summary>Optional; when given it must be the id of the existing value of this customer and attribute.</summary>
    public int? Id { get; init; }

    public int? AttributeId { get; init; }
    public int? CustomerId { get; init; }
    public string? Value { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}
