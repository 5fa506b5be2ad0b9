using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Infrastructure.Json;

/// <summary>
/// Reads request text as the default does, but refuses text holding U+0000: PostgreSQL cannot store it (a 500 there)
/// while SQLite would, and no field has a use for it. The refusal is a JSON error on the field, so it is answered
/// like a value of the wrong type: 400 (V2) or 422 (V3) naming the field, nothing written.
/// </summary>
public sealed class StorableTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal) ? throw new UnstorableTextException() : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Text that cannot be stored; <see cref="Errors.BcExceptionHandler"/> names the field it was sent in.</summary>
public sealed class UnstorableTextException() : JsonException(Reason)
{
    public const string Reason = "The text holds the character U+0000, which cannot be stored.";
}
