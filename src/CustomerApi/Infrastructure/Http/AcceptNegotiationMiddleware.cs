using CustomerApi.Infrastructure.Errors;
using Microsoft.Net.Http.Headers;

namespace CustomerApi.Infrastructure.Http;

/// <summary>The API speaks JSON only: an Accept header that rules JSON out (e.g. application/xml alone) gets 406.</summary>
public sealed class AcceptNegotiationMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var accept = context.Request.Headers.Accept;
        if (accept.Count == 0 || !context.Request.Path.StartsWithSegments("/stores") || AcceptsJson(accept))
        {
            return next(context);
        }

        return BcErrors.NotAcceptable(ApiVersions.FromPath(context.Request.Path)).ExecuteAsync(context);
    }

    private static bool AcceptsJson(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return true; // unreadable Accept: answer in JSON rather than refuse
        }

        return ranges.Any(r => (r.Quality ?? 1) > 0
            && (r.MatchesAllTypes || r.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || r.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)));
    }
}
