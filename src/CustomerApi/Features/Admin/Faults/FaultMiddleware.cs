using CustomerApi.Features.Admin.Requests;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Http;

namespace CustomerApi.Features.Admin.Faults;

/// <summary>
/// Applies the store's fault rules (<see cref="StoreFaults"/>) to its authenticated requests: the first rule, in the
/// order given, that applies to the request and fires waits its <c>latency_ms</c>, then answers its <c>status</c> the
/// way BigCommerce does (<see cref="FaultAnswers"/>), or, without a status, lets the request go on. At most one rule
/// fires per request.
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, StoreFaults faults, StoreRouteTemplates templates, StoreQuota quota, TimeProvider clock)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!faults.AnyStoreHasRules || context.Features.Get<StoreContext>() is not { } store || !faults.TryGetRules(store.Id, out var rules)
            || Firing(context, rules) is not { } rule)
        {
            return next(context);
        }

        return FireAsync(context, store, rule);
    }

    private FaultRule? Firing(HttpContext context, FaultRule[] rules)
    {
        var path = StoreApiPath.AfterStore(context.Request.Path.Value);
        string? template = null;
        foreach (var rule in rules)
        {
            if (rule.IsTemplate && context.GetEndpoint() is RouteEndpoint endpoint)
            {
                template ??= templates.Of(endpoint);
            }

            if (rule.AppliesTo(context.Request.Method, path, template) && rule.TryFire())
            {
                return rule;
            }
        }

        return null;
    }

    private async Task FireAsync(HttpContext context, StoreContext store, FaultRule rule)
    {
        if (rule.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(rule.LatencyMs), clock, context.RequestAborted);
        }

        if (rule.Status is not { } status)
        {
            await next(context);
            return;
        }

        if (status == StatusCodes.Status429TooManyRequests)
        {
            // As a spent quota answers: the store's own quota, window and reset, nothing left.
            var (limit, resetMs) = quota.Peek(store.Id);
            RateLimitMiddleware.WriteHeaders(context.Response.Headers, limit, left: 0, resetMs);
            await RateLimitMiddleware.RefuseAsync(context, resetMs);
            return;
        }

        await FaultAnswers.For(context, status).ExecuteAsync(context);
    }
}
