namespace CustomerApi.Features.Admin.Requests;

/// <summary>The bodies of a 4xx exchange as the log keeps them: the beginning of each, decoded, secrets redacted.</summary>
public static class ExchangeBodies
{
    public static LoggedBodies Of(RecordedRequestStream? sent, long? declaredBytes, RecordedResponseBody? answer, HttpResponse response) =>
        new(Sent(sent, declaredBytes), answer is { BytesWritten: > 0 } ? Answered(answer, response.Headers.ContentEncoding.ToString()) : null);

    private static KeptBody? Sent(RecordedRequestStream? sent, long? declaredBytes)
    {
        var size = declaredBytes ?? sent?.BytesRead ?? 0;
        if (sent is null || size == 0)
        {
            return null;
        }

        return sent.BytesRead == 0
            ? new KeptBody([], "Not read: the request was refused before its body was read.")
            : SecretRedaction.Body(sent.Kept, sent.KeptWhole && sent.BytesRead == size, size);
    }

    private static KeptBody Answered(RecordedResponseBody answer, string coding)
    {
        if (coding.Length == 0)
        {
            return SecretRedaction.Body(answer.Kept, answer.KeptWhole, answer.BytesWritten);
        }

        return ContentDecoding.Decode(coding, answer.Kept, answer.KeptWhole) is { } decoded
            ? SecretRedaction.Body(decoded.Decoded, decoded.Whole, size: null)
            : new KeptBody([], $"Encoded as '{coding}', which the log does not decode: not shown.");
    }
}
