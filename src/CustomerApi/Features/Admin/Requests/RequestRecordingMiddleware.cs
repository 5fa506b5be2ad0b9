using System.Diagnostics;
using CustomerApi.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// Records each request to a store's API (<c>/stores/{hash}/v2|v3/...</c>) in <see cref="RequestLog"/>, when the store
/// exists. Right inside RequestLogMiddleware, outside everything else that answers (the exception handler, the limits,
/// the status-code bodies, response compression), so it sees the final status and the body the client got: sizes are
/// bytes on the wire (compressed when the client asked for it), bodies are shown decoded. Any other request costs it a
/// look at the path. A recorded one costs two small objects (three with a body), pooled buffers for the first bytes of
/// each body, and one struct in the store's ring; bodies are made into text (and redacted) only for a 4xx.
/// </summary>
public sealed class RequestRecordingMiddleware(RequestDelegate next, RequestLog log, StoreDirectory stores, TimeProvider clock)
{
    public Task InvokeAsync(HttpContext context) => StoreApiPath.Matches(context.Request.Path.Value) ? RecordAsync(context) : next(context);

    private async Task RecordAsync(HttpContext context)
    {
        var sent = SentRequest.Of(context.Request, clock);
        var store = new RecordedStore();
        context.Features.Set(store);
        var serverBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var answer = new RecordedResponseBody(serverBody, context.Response);
        context.Features.Set<IHttpResponseBodyFeature>(answer);
        var body = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true ? new RecordedRequestStream(context.Request.Body) : null;
        if (body is not null)
        {
            context.Request.Body = body;
        }

        var escaped = true;
        try
        {
            await next(context);
            escaped = false;
        }
        finally
        {
            var elapsedMs = Stopwatch.GetElapsedTime(sent.Started).TotalMilliseconds;
            context.Features.Set(serverBody);
            if (body is not null)
            {
                context.Request.Body = body.Inner;
            }

            try
            {
                // What escapes the exception handler (when the answer had started) ends as Kestrel's 500 if it had not.
                var status = escaped && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                Record(context, sent, store, body, answer, status, elapsedMs);
            }
            finally
            {
                answer.ReturnBuffer();
                body?.ReturnBuffer();
            }
        }
    }

    private void Record(HttpContext context, SentRequest sent, RecordedStore store, RecordedRequestStream? body, RecordedResponseBody answer, int status, double elapsedMs)
    {
        if ((store.LookedUp ? store.Id : CachedStoreId(sent.Path)) is not { } id)
        {
            return; // no such store (or, refused before RecordedStoreMiddleware, not cached)
        }

        var head = HttpMethods.IsHead(sent.Method); // the server drops a HEAD answer's body
        var bodies = status is >= 400 and < 500 ? ExchangeBodies.Of(body, sent.DeclaredBytes, head ? null : answer, context.Response) : null;
        log.Add(id, new LoggedRequest(sent.Time, Bounded(sent.Method), Bounded(sent.Path), SecretRedaction.Query(Bounded(sent.Query)),
            status, elapsedMs, context.TraceIdentifier, sent.DeclaredBytes ?? body?.BytesRead ?? 0, head ? 0 : answer.BytesWritten, bodies));
    }

    /// <summary>For a request refused before RecordedStoreMiddleware: its store when cached, never a query.</summary>
    private int? CachedStoreId(string path) => StoreApiPath.Hash(path) is { } hash ? stores.CachedId(hash) : null;

    private static string Bounded(string text) =>
        text.Length <= RequestLog.MaxTextLength ? text : string.Concat(text.AsSpan(0, RequestLog.MaxTextLength), "...");

    /// <summary>The request as sent, read before anything runs: CanonicalRequestMiddleware may rewrite its path and query.</summary>
    private readonly record struct SentRequest(DateTime Time, long Started, string Method, string Path, string Query, long? DeclaredBytes)
    {
        public static SentRequest Of(HttpRequest request, TimeProvider clock) => new(
            clock.GetUtcNow().UtcDateTime, Stopwatch.GetTimestamp(), request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", request.ContentLength);
    }
}
