using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Json;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Features.V3.Attributes;

/// <summary>A customer attribute as V3 answers it, in the spec example's field order.</summary>
public sealed record AttributeV3(
    int Id,
    string Name,
    string Type,
    [property: JsonConverter(typeof(Iso8601DateConverter))] DateTime DateCreated,
    [property: JsonConverter(typeof(Iso8601DateConverter))] DateTime DateModified);

/// <summary>One item of <c>POST /customers/attributes</c>.</summary>
public sealed class CreateAttributeV3 : IHasExtraFields
{
    public string? Name { get; init; }
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

/// <summary>One item of <c>PUT /customers/attributes</c>: the name may change, the type may only be repeated.</summary>
public sealed class UpdateAttributeV3 : IHasExtraFields
{
    public int? Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}
