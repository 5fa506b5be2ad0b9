using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.Customers;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.FormFieldValues;

/// <summary>
/// The query of <c>GET /customers/form-field-values</c> (spec): single values, no <c>:in</c> lists, ANDed. A field
/// name matches ignoring case; one the store does not define matches nothing.
/// </summary>
public sealed record FormFieldValueFilterV3 : IPaged, IQueryFilter
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "customer_id", "address_id", "field_name", "field_type", "page", "limit", "before", "after",
    };

    [FromQuery(Name = "customer_id")] public string? CustomerId { get; init; }
    [FromQuery(Name = "address_id")] public string? AddressId { get; init; }
    [FromQuery(Name = "field_name")] public string? FieldName { get; init; }
    [FromQuery(Name = "field_type")] public string? FieldType { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "limit")] public string? Limit { get; init; }
    [FromQuery(Name = "before")] public string? Before { get; init; }
    [FromQuery(Name = "after")] public string? After { get; init; }

    public required HttpRequest Request { get; init; }

    /// <summary>
    /// A place in the list, by value id. The same opaque cursor as the customers' list in its default order
    /// (<c>{"id":N}</c>, base64): one format for every cursor this service hands out.
    /// </summary>
    public static string CursorOf(int id) => new CustomerCursor(null, id, null, null).Encode();

    public static int? IdOf(string? cursor) => CustomerCursor.Decode(cursor, CustomerOrder.Default)?.Id;

    public IQueryable<FormFieldValue> Apply(IQueryable<FormFieldValue> values, StoreFormFields fields)
    {
        int? customerId = QueryValues.ToInt(CustomerId), addressId = QueryValues.ToInt(AddressId);
        var named = FieldName is null ? null : fields.Customer.Concat(fields.Address)
            .Where(f => f.Name.Equals(FieldName.Trim(), StringComparison.OrdinalIgnoreCase)).Select(f => f.Id).ToArray();
        var typed = FieldType is null ? null : fields.Customer.Concat(fields.Address).Where(f => f.Type == FieldType).Select(f => f.Id).ToArray();
        return values
            .WhereIf(customerId is not null, v => v.CustomerId == customerId)
            .WhereIf(addressId is not null, v => v.AddressId == addressId)
            .WhereIf(named is not null, v => named!.Contains(v.FieldId))
            .WhereIf(typed is not null, v => typed!.Contains(v.FieldId));
    }
}
