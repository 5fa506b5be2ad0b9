using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Querying;

namespace CustomerApi.Infrastructure.Json;

/// <summary>V2 dates: RFC 2822, always in GMT written as <c>+0000</c> ("Tue, 13 Nov 2012 21:16:41 +0000").</summary>
public sealed class Rfc2822DateConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && DateFilters.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("Expected an RFC 2822 or ISO 8601 date.");

    /// <summary>Formats as RFC 1123 ("Tue, 13 Nov 2012 21:16:41 GMT", the runtime's fastest date format) with GMT spelt +0000.</summary>
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[31];
        Utf8Formatter.TryFormat(value, text, out var written, new StandardFormat('R'));
        "+0000"u8.CopyTo(text[(written - 3)..]);
        writer.WriteStringValue(text[..(written + 2)]);
    }
}
