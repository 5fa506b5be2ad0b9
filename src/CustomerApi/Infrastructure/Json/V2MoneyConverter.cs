using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Infrastructure.Json;

/// <summary>
/// V2 money: written as a string with four decimals ("12.5000"); read from a number, an integer or a numeric
/// string ("Float, Float as String, Integer" in the spec), rounded to four decimals.
/// </summary>
public sealed class V2MoneyConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var ok = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDecimal(out var number) ? number : (decimal?)null,
            JsonTokenType.String => TryParse(reader.GetString(), out var text) ? text : null,
            _ => null,
        };
        return ok is { } value ? Math.Round(value, 4, MidpointRounding.AwayFromZero) : throw new JsonException("Expected an amount.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[40]; // a decimal has at most 29 digits, a sign, a point and 4 decimals
        value.TryFormat(text, out var written, "F4", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    public static bool TryParse(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
