using System.Net.Http.Headers;
using System.Text;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// One request of a corpus, kept as data so it can be built afresh for each send (a message is sent only once) and
/// named in a failure report. <see cref="Url"/> is the path and query from the host, exactly as it goes on the wire.
/// </summary>
public sealed record HostileRequest(string Category, string Method, string Url, byte[]? Body = null)
{
    public const string Json = "application/json";

    /// <summary>The body's content type; null sends the body without one.</summary>
    public string? ContentType { get; init; } = Json;

    /// <summary>The <c>X-Auth-Token</c> to send, or null for none.</summary>
    public string? Token { get; init; }

    /// <summary>Other headers, sent as they are (a second token, an <c>Authorization</c> header, ...).</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>The exact status expected when the corpus knows it (401 for a bad token); otherwise any 4xx.</summary>
    public int? Status { get; init; }

    public static HostileRequest WithJson(string category, string method, string url, string json) =>
        new(category, method, url, Encoding.UTF8.GetBytes(json));

    public HttpRequestMessage ToMessage()
    {
        var uri = new Uri(new Uri("http://localhost/"), Url);
        var message = new HttpRequestMessage(new HttpMethod(Method), uri);
        if (Token is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Auth-Token", Token);
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = ContentType is null ? null : MediaTypeHeaderValue.Parse(ContentType);
        }

        return message;
    }

    /// <summary>Method, URL and the start of the body, for a failure report.</summary>
    public string Describe()
    {
        var body = Body is null ? "" : " " + Prefix(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)));
        return $"[{Category}] {Method} {Prefix(Url)}{body}{(Body is { Length: > 160 } ? $"... ({Body.Length} bytes)" : "")}";
    }

    private static string Prefix(string text) => text.Length <= 160 ? text : text[..160] + "...";
}
