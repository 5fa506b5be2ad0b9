using System.Diagnostics;
using CustomerApi.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// Records each request to a store's API (<c>/stores/{hash}/v2|v3/...</c>) in <see cref="RequestLog"/>, when the store
/// exists. Right inside RequestLogMiddleware, outside everything else that answers (the exception handler, the limits,
/// the status-code bodies, response compression), so it sees the final status and the body the client got: sizes are
/// bytes on the wire (compressed when the client asked for it), bodies are shown decoded. Its own work is a lock-free
/// path check for any other request; for a recorded one, two small objects, pooled buffers for the first bytes of each
/// body, and one struct in the store's ring; bodies are made into text (and redacted) only for a 4xx.
/// </summary>
public sealed class RequestRecordingMiddleware(RequestDelegate next, RequestLog log, StoreDirectory stores, TimeProvider clock)
{
    public Task InvokeAsync(HttpContext context) => StoreApiPath.Matches(context.Request.Path.Value) ? RecordAsync(context) : next(context);

    private async Task RecordAsync(HttpContext context)
    {
        var time = clock.GetUtcNow().UtcDateTime;
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        // As sent: CanonicalRequestMiddleware may rewrite the path and the query.
        var (method, path, query, declaredBytes) = (request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", request.ContentLength);
        var store = new RecordedStore();
        context.Features.Set(store);
        var serverBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var answer = new RecordedResponseBody(serverBody, context.Response);
        context.Features.Set<IHttpResponseBodyFeature>(answer);
        var sent = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true ? new RecordedRequestStream(request.Body) : null;
        if (sent is not null)
        {
            request.Body = sent;
        }

        var escaped = true;
        try
        {
            await next(context);
            escaped = false;
        }
        finally
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Features.Set(serverBody);
            if (sent is not null)
            {
                request.Body = sent.Inner;
            }

            var (storeId, storeHash) = store.LookedUp ? (store.Id, store.Hash) : CachedStore(path);
            if (storeId is { } id)
            {
                // What escapes the exception handler (when the answer had started) ends as Kestrel's 500 if it had not.
                var status = escaped && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                var head = HttpMethods.IsHead(method); // the server drops a HEAD answer's body
                log.Add(id, storeHash!, new LoggedRequest(time, Bounded(method), Bounded(path), SecretRedaction.Query(Bounded(query)), status,
                    elapsedMs, context.TraceIdentifier, declaredBytes ?? sent?.BytesRead ?? 0, head ? 0 : answer.BytesWritten,
                    status is >= 400 and < 500 ? ExchangeBodies.Of(sent, declaredBytes, head ? null : answer, context.Response) : null));
            }

            answer.ReturnBuffer();
            sent?.ReturnBuffer();
        }
    }

    /// <summary>For a request refused before RecordedStoreMiddleware: its store when cached, never a query.</summary>
    private (int? Id, string? Hash) CachedStore(string path) =>
        StoreApiPath.Hash(path) is { } hash ? (stores.CachedId(hash), hash) : (null, null);

    private static string Bounded(string text) =>
        text.Length <= RequestLog.MaxTextLength ? text : string.Concat(text.AsSpan(0, RequestLog.MaxTextLength), "...");
}
