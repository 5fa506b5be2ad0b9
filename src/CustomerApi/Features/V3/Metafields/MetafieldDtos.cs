using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Json;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Features.V3.Metafields;

/// <summary>
/// A metafield as V3 answers it (spec: Metafield). Every field but <c>id</c> is left out when <c>include_fields</c>
/// does not name it; none is ever null otherwise.
/// </summary>
public sealed record MetafieldV3(
    int Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Namespace,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PermissionSet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResourceType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ResourceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(Iso8601OffsetDateConverter))] DateTime? DateCreated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(Iso8601OffsetDateConverter))] DateTime? DateModified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OwnerClientId);

/// <summary>One metafield's answer: <c>{"data": {...}, "meta": {}}</c> (spec: getMetafieldsCustomerId).</summary>
public sealed record MetafieldOneV3(MetafieldV3 Data, EmptyMetaV3 Meta);

/// <summary>
/// A metafield write's answer (spec: MetaFieldCollectionPostPutResponses, ..._PartialSuccess_*, ...DeleteResponseSuccess):
/// what was written, one error per item that was not, and the counts. 200 when nothing failed, else 422.
/// </summary>
public sealed record MetafieldWriteV3<T>(IReadOnlyList<T> Data, IReadOnlyList<V3Error> Errors, WriteMetaV3 Meta);

public sealed record WriteMetaV3(int Total, int Success, int Failed);

/// <summary>The fields a create and an update share, judged by the same rules (MetafieldFieldRules).</summary>
public interface IMetafieldFields
{
    string? PermissionSet { get; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "BigCommerce's field name")]
    string? Namespace { get; }

    string? Key { get; }
    string? Value { get; }
    string? Description { get; }
}

/// <summary>The body of a metafield create (spec: MetafieldBase_Post); the batch's items add <c>resource_id</c>.</summary>
public class MetafieldInputV3 : IHasExtraFields, IMetafieldFields
{
    public string? PermissionSet { get; init; }
    public string? Namespace { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
    public string? Description { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

/// <summary>An item of <c>POST /customers/metafields</c>: a create for the customer <c>resource_id</c>.</summary>
public sealed class NewMetafieldV3 : MetafieldInputV3
{
    public int? ResourceId { get; init; }
}

/// <summary>
/// The body of a metafield update (spec: MetafieldBase_Put): what is sent changes, what is left out stays. <c>id</c>
/// names the metafield in the batch; on the single route it may repeat the path's.
/// </summary>
public sealed class MetafieldChangesV3 : IHasExtraFields, IMetafieldFields
{
    public int? Id { get; init; }
    public string? PermissionSet { get; init; }
    public string? Namespace { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
    public string? Description { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherFields { get; init; }
}
