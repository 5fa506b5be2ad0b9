using CustomerApi.Infrastructure.Auth;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// After routing, before auth: finds the store a recorded request names, so that its log also shows a request without
/// a token or to a route that does not exist. Through <see cref="StoreDirectory"/>'s cache, which auth fills and reads
/// right after: this adds no query to a request that has a token. A request refused in front of it (by the per-address
/// limit, the size limits, Accept, a repeated query parameter) is logged only when its store is cached already
/// (<see cref="RequestRecordingMiddleware"/>): those refusals exist so that a flood costs no query, and the log keeps it so.
/// </summary>
public sealed class RecordedStoreMiddleware(RequestDelegate next, StoreDirectory stores)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<RecordedStore>() is not { } recorded
            || (context.Request.RouteValues["store_hash"] as string ?? StoreApiPath.Hash(context.Request.Path.Value)) is not { } hash)
        {
            return next(context);
        }

        var finding = stores.FindIdAsync(hash, context.RequestAborted);
        if (!finding.IsCompletedSuccessfully)
        {
            return FoundThenNextAsync(context, recorded, finding);
        }

        recorded.Found(finding.Result);
        return next(context);
    }

    private async Task FoundThenNextAsync(HttpContext context, RecordedStore recorded, ValueTask<int?> finding)
    {
        recorded.Found(await finding);
        await next(context);
    }
}
