using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Features.V3.FormFieldValues;

/// <summary>
/// One form field's value as V3 answers it, with its owner's id first as the spec's examples have it: a customer's
/// (spec: formFieldValue_Customer) or an address's (formFieldValue_Address). <c>value</c> is text, a number or a list
/// of texts (spec: formFieldValue).
/// </summary>
public sealed record FormFieldValueV3(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CustomerId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AddressId,
    string Name,
    JsonElement Value);

/// <summary>One item of the deprecated <c>PUT /customers/form-field-values</c> (spec: formFieldValue_Full): one owner, a name, a value.</summary>
public sealed class FormFieldValueInputV3
{
    public int? CustomerId { get; init; }
    public int? AddressId { get; init; }
    public string? Name { get; init; }
    public JsonElement? Value { get; init; }
}
