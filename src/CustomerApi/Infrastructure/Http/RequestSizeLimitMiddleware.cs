using CustomerApi.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// At the front of the pipeline (only the exception handler is before it, so that nothing here can end in a bare 500): a
/// URL over <see cref="RequestSizeLimits.MaxUrlBytes"/> is 414 and headers over
/// <see cref="RequestSizeLimits.MaxRequestHeadersBytes"/> are 431, in the body of the API version the path speaks.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, RequestSizeLimits limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (UrlBytes(context) > limits.MaxUrlBytes)
        {
            return BcErrors.UriTooLong(ApiVersions.FromPath(request.Path), limits.MaxUrlBytes).ExecuteAsync(context);
        }

        if (HeaderBytes(request.Headers) > limits.MaxRequestHeadersBytes)
        {
            return BcErrors.RequestHeadersTooLarge(ApiVersions.FromPath(request.Path), limits.MaxRequestHeadersBytes).ExecuteAsync(context);
        }

        return next(context);
    }

    /// <summary>The request target as sent (Kestrel keeps it); else the path and query, encoded as they would be sent.</summary>
    private static long UrlBytes(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw.Length
            : (context.Request.PathBase + context.Request.Path).ToUriComponent().Length + context.Request.QueryString.ToUriComponent().Length;

    /// <summary>Every header line as sent: <c>name: value</c> and its line break.</summary>
    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                total += name.Length + 2 + (value?.Length ?? 0) + 2;
            }
        }

        return total;
    }
}
