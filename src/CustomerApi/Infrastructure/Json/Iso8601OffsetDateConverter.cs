using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Infrastructure.Json;

/// <summary>
/// The V3 dates of metafields: ISO 8601 in UTC to the second, with <c>+00:00</c> rather than <c>Z</c>
/// ("2022-06-16T18:39:00+00:00": spec, and observed on BigCommerce's metafields).
/// </summary>
public sealed class Iso8601OffsetDateConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'+00:00'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new Iso8601DateConverter().Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString(Format, CultureInfo.InvariantCulture));
}
