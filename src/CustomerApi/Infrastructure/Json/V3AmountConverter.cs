using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Infrastructure.Json;

/// <summary>
/// V3 money is a plain JSON number with no trailing zeros (<c>43.15</c>, <c>0</c>: V3 doc 1.1), whatever scale the
/// database hands the decimal back with (SQLite's 0.0, PostgreSQL's 43.1500).
/// </summary>
public sealed class V3AmountConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToString("0.####", CultureInfo.InvariantCulture), skipInputValidation: true);
}
