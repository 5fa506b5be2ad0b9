using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Infrastructure.Json;

/// <summary>V3 dates: ISO 8601 in UTC to the second, with <c>Z</c> ("2018-11-13T21:42:06Z").</summary>
public sealed class Iso8601DateConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateTime.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException("Expected an ISO 8601 date.");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString(Format, CultureInfo.InvariantCulture));
}
