using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// A place in one order of the customers (CustomerOrder): the sort it was made for, the row's id and its sort value.
/// On the wire it is opaque base64 of JSON, as BigCommerce's (<c>eyJpZCI6MjA0fQ</c> is <c>{"id":204}</c>: spec).
/// </summary>
public sealed record CustomerCursor(
    [property: JsonPropertyName("sort")] string? Sort,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("last_name")] string? Text,
    [property: JsonPropertyName("date")] DateTime? Date)
{
    // Nulls left out: by id, the default order, a cursor is {"id":204}, as BigCommerce's example.
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, Options));

    /// <summary>The cursor, or null when the text is not one this service made for <paramref name="order"/>.</summary>
    public static CustomerCursor? Decode(string? text, CustomerOrder order)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1024)
        {
            return null;
        }

        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), bytes, out var length))
        {
            return null;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize<CustomerCursor>(Encoding.UTF8.GetString(bytes, 0, length), Options);
            var complete = order.Key switch
            {
                CustomerSortKey.LastName => cursor?.Text is not null,
                CustomerSortKey.DateCreated or CustomerSortKey.DateModified => cursor?.Date is not null,
                _ => true,
            };
            return cursor is not null && (cursor.Sort ?? CustomerOrder.Default.Name) == order.Name && cursor.Id > 0 && complete ? cursor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
