using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// A place in one order of the customers (CustomerOrder): the sort it was made for, the row's id and its sort value.
/// On the wire it is opaque base64 of JSON, as BigCommerce's (<c>eyJpZCI6MjA0fQ</c> is <c>{"id":204}</c>: spec), in
/// the URL-safe alphabet without padding, so a client that puts it in a URL unescaped still sends it intact; either
/// alphabet, padded or not, is read back.
/// </summary>
public sealed record CustomerCursor(
    [property: JsonPropertyName("sort")] string? Sort,
    [property: JsonPropertyName("id"), JsonRequired] int Id,
    [property: JsonPropertyName("last_name")] string? Text,
    [property: JsonPropertyName("date")] DateTime? Date)
{
    // Nulls left out: by id, the default order, a cursor is {"id":204}, as BigCommerce's example.
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Options));

    /// <summary>The cursor, or null when the text is not one this service made for <paramref name="order"/>.</summary>
    public static CustomerCursor? Decode(string? text, CustomerOrder order)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1024)
        {
            return null;
        }

        var urlSafe = text.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (urlSafe.Length % 4 == 1 || !urlSafe.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null; // no base64 is one character past a multiple of four
        }

        try
        {
            var bytes = new byte[Base64Url.GetMaxDecodedLength(urlSafe.Length)];
            if (!Base64Url.TryDecodeFromChars(urlSafe, bytes, out var length))
            {
                return null;
            }

            var cursor = JsonSerializer.Deserialize<CustomerCursor>(Encoding.UTF8.GetString(bytes, 0, length), Options);
            var complete = order.Key switch
            {
                CustomerSortKey.LastName => cursor?.Text is not null,
                CustomerSortKey.DateCreated or CustomerSortKey.DateModified => cursor?.Date is not null,
                _ => true,
            };
            return cursor is not null && (cursor.Sort ?? CustomerOrder.Default.Name) == order.Name && cursor.Id >= 0 && complete ? cursor : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }
}
