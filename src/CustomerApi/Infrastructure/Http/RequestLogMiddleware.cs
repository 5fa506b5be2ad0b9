using System.Buffers;
using System.Diagnostics;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// The outermost middleware, so it sees the final status of every answer (the exception handler's and the limits'
/// included): one Information line per request in the <see cref="Category"/> category, with the method, the path as
/// sent without its query (which can carry emails), the status, the time taken, the store hash and a request id; and an
/// <see cref="HeaderName"/> header on every answer, the client's own id when it sent a sane one, else a new one.
/// Tokens and bodies are never logged.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "CustomerApi.Requests";
    public const string HeaderName = "X-Request-Id";
    public const int MaxRequestIdLength = 128;

    /// <summary>A path (or store hash) is logged up to this many characters: a URL may be 32 KiB long.</summary>
    public const int MaxLoggedLength = 256;

    private static readonly SearchValues<char> RequestIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var path = context.Request.Path; // as sent: CanonicalRequestMiddleware may rewrite it
        if (ClientRequestId(context.Request.Headers) is { } clientId)
        {
            context.TraceIdentifier = clientId; // so whatever else logs this request names it the same way
        }

        // Set as the answer starts: the exception handler clears the headers of the answer it replaces.
        context.Response.OnStarting(SetRequestIdHeader, context);
        var escaped = true;
        try
        {
            await next(context);
            escaped = false;
        }
        finally
        {
            Log(context, path, started, escaped);
        }
    }

    private void Log(HttpContext context, PathString path, long started, bool escaped)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        // What escapes the exception handler (when the answer had started) ends as Kestrel's 500 if it had not.
        var status = escaped && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var shownPath = Printable(path.Value ?? "/");
        var storeHash = Printable(StoreHash(context, path));
        LogRequest(_logger, context.Request.Method, shownPath, status, elapsedMs, storeHash, context.TraceIdentifier);
    }

    /// <summary>At most <see cref="MaxLoggedLength"/> characters, control characters (a decoded %0A) written as '?', so one request is one line.</summary>
    private static string Printable(string text)
    {
        var shown = text.Length <= MaxLoggedLength ? text : string.Concat(text.AsSpan(0, MaxLoggedLength), "...");
        return shown.AsSpan().ContainsAnyInRange('\0', '\u001f') || shown.Contains('\u007f', StringComparison.Ordinal)
            ? string.Create(shown.Length, shown, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = char.IsControl(source[i]) ? '?' : source[i];
                }
            })
            : shown;
    }

    /// <summary>The client's id when it is one header of 1 to <see cref="MaxRequestIdLength"/> characters of <c>[A-Za-z0-9._:-]</c>.</summary>
    private static string? ClientRequestId(IHeaderDictionary headers) =>
        headers.TryGetValue(HeaderName, out var values) && values.Count == 1
        && values[0] is { Length: > 0 and <= MaxRequestIdLength } id && !id.AsSpan().ContainsAnyExcept(RequestIdChars)
            ? id
            : null;

    private static Task SetRequestIdHeader(object state)
    {
        var context = (HttpContext)state;
        context.Response.Headers[HeaderName] = context.TraceIdentifier;
        return Task.CompletedTask;
    }

    /// <summary>The route's <c>{store_hash}</c>; else (no route matched, or the exception handler cleared it) the segment after <c>/stores/</c>; else "-".</summary>
    private static string StoreHash(HttpContext context, PathString path)
    {
        if (context.Request.RouteValues["store_hash"] is string routed)
        {
            return routed;
        }

        if (path.StartsWithSegments("/stores", out var rest) && rest.Value is ['/', _, ..] after)
        {
            var end = after.IndexOf('/', 1);
            return end < 0 ? after[1..] : after[1..end];
        }

        return "-";
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Information,
        Message = "{Method} {Path} {StatusCode} in {ElapsedMs:0.0} ms, store {StoreHash}, request {RequestId}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string storeHash, string requestId);
}
