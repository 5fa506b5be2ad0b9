using CustomerApi.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// Refuses bodies over the limit with 413 before anything reads them. Kestrel enforces the same limit on bodies
/// without a Content-Length; a too-long one surfaces as a BadHttpRequestException that BcExceptionHandler maps.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, RequestSizeLimits limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        var maxBytes = limits.MaxBodyBytesFor(context.Request);
        if (context.Request.ContentLength > maxBytes)
        {
            return BcErrors.PayloadTooLarge(ApiVersions.FromPath(context.Request.Path)).ExecuteAsync(context);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        return next(context);
    }
}
