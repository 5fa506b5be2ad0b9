using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.Customers;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.Metafields;

/// <summary>
/// The query of the metafield lists (spec: getCustomersMetafields, getAllCustomersMetafields): keys and namespaces
/// exactly, a plain filter and its <c>:in</c> list together match either; the filters AND together; by id,
/// <c>direction</c> asc (default) or desc; paged by number or by cursor.
/// </summary>
public sealed record MetafieldFilterV3 : DatedListQuery
{
    /// <summary>The spec's names: its dates have only <c>:min</c> and <c>:max</c>, so a plain date_created is unknown here.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "page", "limit", "key", "key:in", "namespace", "namespace:in", "direction", "include_fields",
        "date_created:min", "date_created:max", "date_modified:min", "date_modified:max", "before", "after",
    };

    /// <summary>[spec] IncludeFieldsParamMetafields: the fields include_fields may name; id is always there, and may be named too [inferred].</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["resource_id", "key", "value", "namespace", "permission_set", "resource_type", "description", "owner_client_id", "date_created", "date_modified"];

    [FromQuery(Name = "key")] public string? Key { get; init; }
    [FromQuery(Name = "key:in")] public string? KeyIn { get; init; }
    [FromQuery(Name = "namespace")] public string? Namespace { get; init; }
    [FromQuery(Name = "namespace:in")] public string? NamespaceIn { get; init; }
    [FromQuery(Name = "direction")] public string? Direction { get; init; }
    [FromQuery(Name = "include_fields")] public string? IncludeFields { get; init; }
    [FromQuery(Name = "before")] public string? Before { get; init; }
    [FromQuery(Name = "after")] public string? After { get; init; }

    public bool Descending => Direction == "desc";

    /// <summary>The fields to answer besides id; null for all of them.</summary>
    public IReadOnlySet<string>? Included => IncludeFields is null ? null : TextList.Parse(IncludeFields, v => v)!.ToHashSet(StringComparer.Ordinal);

    /// <summary>A place in the list, by metafield id: the same opaque cursor as every other list of this service (<c>{"id":N}</c>).</summary>
    public static string CursorOf(int id) => new CustomerCursor(null, id, null, null).Encode();

    public static int? IdOf(string? cursor) => CustomerCursor.Decode(cursor, CustomerOrder.Default)?.Id;

    public IQueryable<CustomerMetafield> Apply(IQueryable<CustomerMetafield> metafields)
    {
        var keys = Either(Key, KeyIn);
        var namespaces = Either(Namespace, NamespaceIn);
        return metafields
            .WhereIf(keys is not null, m => keys!.Contains(m.Key))
            .WhereIf(namespaces is not null, m => namespaces!.Contains(m.Namespace))
            .WhereDates(this);
    }

    /// <summary>[spec] "Could be used with vanilla 'key' query parameter": the plain value and the list's, any of them; null when neither is given.</summary>
    private static string[]? Either(string? one, string? list) =>
        one is null && list is null ? null : [.. (one is null ? [] : new[] { one }).Concat(TextList.Parse(list, v => v) ?? []).Distinct(StringComparer.Ordinal)];
}

public sealed class MetafieldFilterV3Validator : AbstractValidator<MetafieldFilterV3>
{
    public MetafieldFilterV3Validator()
    {
        this.AddListRules(MetafieldFilterV3.Names, ApiVersion.V3);
        RuleFor(f => f.KeyIn).MustBeTextList("key:in");
        RuleFor(f => f.NamespaceIn).MustBeTextList("namespace:in");
        RuleFor(f => f.Direction).OneOf(["asc", "desc"]).Fails(Failure.Invalid("direction", "direction must be asc or desc"));
        RuleFor(f => f.IncludeFields)
            .Must(v => v is null || v.Split(',', StringSplitOptions.TrimEntries).All(f => f == "id" || MetafieldFilterV3.Fields.Contains(f)))
            .Fails(Failure.Invalid("include_fields", $"include_fields must be a comma-separated list of: {string.Join(", ", MetafieldFilterV3.Fields)}"));
        // [spec] BeforeCursorParam: "before" cannot be used together with "after".
        RuleFor(f => f.Before).Null().When(f => f.After is not null).Fails(Failure.Invalid("before", "before and after cannot be used together"));
        RuleFor(f => f.After).Must(v => MetafieldFilterV3.IdOf(v) is not null).When(f => f.After is not null)
            .Fails(Failure.Invalid("after", "after must be a cursor from this list's meta.cursor_pagination"));
        RuleFor(f => f.Before).Must(v => MetafieldFilterV3.IdOf(v) is not null).When(f => f.Before is not null)
            .Fails(Failure.Invalid("before", "before must be a cursor from this list's meta.cursor_pagination"));
    }
}
