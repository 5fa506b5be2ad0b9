using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Reliability;

/// <summary>Judges an answer that should be a refusal, without asserting, so a sweep can report every bad answer at once.</summary>
public static class ErrorFormat
{
    /// <summary>
    /// Null when the answer is a 4xx (<paramref name="expected"/> exactly, when given) in BigCommerce's error format
    /// for the version its URL speaks: V2 a JSON array of <c>{status, message}</c>, V3 <c>{status, title, type, errors}</c>;
    /// otherwise what is wrong with it.
    /// </summary>
    public static string? Problem(HttpResponseMessage response, string body, int? expected = null)
    {
        var status = (int)response.StatusCode;
        if (expected is not null ? status != expected : status is < 400 or > 499)
        {
            return $"status {status}, expected {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "a 4xx"}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return $"content type {response.Content.Headers.ContentType}";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return SpeaksV3(response.RequestMessage!.RequestUri!) ? V3Problem(document.RootElement, status) : V2Problem(document.RootElement, status);
        }
        catch (JsonException e)
        {
            return "body is not JSON: " + e.Message;
        }
    }

    /// <summary>A URL under <c>/stores/{hash}/v3</c> answers in the V3 format; anything else in the V2 format.</summary>
    public static bool SpeaksV3(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[0].Equals("stores", StringComparison.OrdinalIgnoreCase)
            && segments[2].Equals("v3", StringComparison.OrdinalIgnoreCase);
    }

    private static string? V2Problem(JsonElement body, int status)
    {
        if (body.ValueKind != JsonValueKind.Array || body.GetArrayLength() == 0)
        {
            return "V2 error body is not a non-empty array";
        }

        var first = true;
        foreach (var error in body.EnumerateArray())
        {
            if (error.ValueKind != JsonValueKind.Object
                || !error.TryGetProperty("status", out var itemStatus) || !itemStatus.TryGetInt32(out var value) || value is < 400 or > 599
                || first && value != status
                || !error.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(message.GetString()))
            {
                return "V2 error item is not {status (the answer's), message}";
            }

            first = false;
        }

        return null;
    }

    private static string? V3Problem(JsonElement body, int status)
    {
        var ok = body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("status", out var itemStatus) && itemStatus.TryGetInt32(out var value) && value == status
            && body.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(title.GetString())
            && body.TryGetProperty("type", out var type) && type.GetString() == V3Json.ErrorType
            && body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            && errors.EnumerateObject().All(e => e.Value.ValueKind == JsonValueKind.String);
        return ok ? null : "V3 error body is not {status, title, type, errors}";
    }
}
