using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Querying;

namespace CustomerApi.Infrastructure.Json;

/// <summary>V2 dates: RFC 2822, always in GMT written as <c>+0000</c> ("Tue, 13 Nov 2012 21:16:41 +0000").</summary>
public sealed class Rfc2822DateConverter : JsonConverter<DateTime>
{
    public const string Format = "ddd, dd MMM yyyy HH:mm:ss '+0000'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && DateFilters.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("Expected an RFC 2822 or ISO 8601 date.");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString(Format, CultureInfo.InvariantCulture));
}
