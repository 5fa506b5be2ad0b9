using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// What the log keeps of a body or a query: the value of every JSON property (or query parameter) whose name contains
/// "password" or "token", in any case and at any depth, becomes <see cref="Redacted"/>. A body is kept as it was sent,
/// byte for byte, up to the last whole JSON token, or into the value of a property that is not a secret when the cut
/// falls there. Everything after the point where a body stops being valid JSON is dropped, and so is an unfinished name
/// at a cut: nothing there can be told apart from a secret.
/// </summary>
public static class SecretRedaction
{
    public const string Redacted = "[redacted]";

    private static ReadOnlySpan<byte> RedactedJson => "\"[redacted]\""u8;

    /// <param name="json">The body, or (when <paramref name="whole"/> is false) its beginning.</param>
    /// <param name="whole">Whether <paramref name="json"/> is the whole body.</param>
    /// <param name="size">The body's size, for the note on a cut body; null when it is not known (a compressed answer's).</param>
    public static KeptBody Body(ReadOnlySpan<byte> json, bool whole, long? size)
    {
        var kept = new ArrayBufferWriter<byte>(json.Length + RedactedJson.Length);
        var reader = new Utf8JsonReader(json, isFinalBlock: whole, state: default);
        var copied = 0; // json[..copied] is in kept, its secrets redacted
        var safe = 0; // json[..safe] is whole tokens, read without error: json[copied..safe] holds no secret value
        var secretCutOff = false;
        string? note;
        try
        {
            while (reader.Read())
            {
                safe = (int)reader.BytesConsumed;
                if (reader.TokenType == JsonTokenType.PropertyName && NamesSecret(ref reader))
                {
                    if (!SkipValue(ref reader, out var valueStart))
                    {
                        secretCutOff = true; // the name is the last thing kept
                        break;
                    }

                    kept.Write(json[copied..valueStart]);
                    kept.Write(RedactedJson);
                    copied = safe = (int)reader.BytesConsumed;
                }
            }

            if (!whole && !secretCutOff && reader.TokenType == JsonTokenType.PropertyName)
            {
                safe = json.Length; // the cut falls in the value of a property that is not a secret: keep its beginning
            }

            note = whole ? null : Cut(json.Length, size);
        }
        catch (JsonException)
        {
            note = string.Create(CultureInfo.InvariantCulture,
                $"Not valid JSON after byte {safe}: the rest is not shown, for it could hold a secret.");
        }

        kept.Write(json[copied..safe]);
        return new KeptBody(kept.WrittenSpan.ToArray(), note);
    }

    /// <summary>The query as sent, each parameter whose decoded name names a secret with its value redacted.</summary>
    public static string Query(string query)
    {
        if (!query.Contains('%', StringComparison.Ordinal) && !query.Contains('+', StringComparison.Ordinal) && !IsSecretName(query))
        {
            return query; // the common case: nothing to decode, nothing to redact, nothing copied
        }

        var parameters = query.Split('&');
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = parameters[i].Split('=', 2)[0];
            if (IsSecretName(Uri.UnescapeDataString(name.Replace('+', ' '))))
            {
                parameters[i] = $"{name}={Redacted}";
            }
        }

        return string.Join('&', parameters);
    }

    /// <summary>Reads past the value of the property just read, a whole object or array included.</summary>
    /// <returns>False when the value is cut off.</returns>
    private static bool SkipValue(ref Utf8JsonReader reader, out int valueStart)
    {
        valueStart = 0;
        if (!reader.Read())
        {
            return false;
        }

        valueStart = (int)reader.TokenStartIndex;
        return reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip();
    }

    private static string Cut(int kept, long? size) => size is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"Cut: the body is {total} bytes, of which the first {kept} are kept.")
        : string.Create(CultureInfo.InvariantCulture, $"Cut: only the body's first {kept} bytes are kept.");

    private static bool NamesSecret(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return IsSecretName(reader.ValueSpan);
        }

        try
        {
            return IsSecretName(reader.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return true; // a name no string can hold (a lone surrogate escaped): taken for a secret's, to be safe
        }
    }

    private static bool IsSecretName(ReadOnlySpan<byte> utf8Name) =>
        ContainsIgnoringCase(utf8Name, "password"u8) || ContainsIgnoringCase(utf8Name, "token"u8);

    private static bool IsSecretName(string name) =>
        name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase);

    private static bool ContainsIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        for (var at = 0; at + word.Length <= text.Length; at++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(text.Slice(at, word.Length), word))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A body as the log keeps it (UTF-8, secrets redacted) and, when it is not the whole body, why.</summary>
public sealed record KeptBody(byte[] Utf8, string? Note);
