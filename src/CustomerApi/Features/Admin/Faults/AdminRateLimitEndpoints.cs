using CustomerApi.Data;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.Admin.Faults;

/// <summary>A store's request quota at run time: a BigCommerce plan by name, a quota of its own, or the configured default.</summary>
public static class AdminRateLimitEndpoints
{
    public static RouteGroupBuilder MapAdminRateLimit(this RouteGroupBuilder admin)
    {
        admin.MapGet("/stores/{hash}/rate-limit", Get).WithName("adminGetRateLimit").WithSummary("Get a store's request quota and window");
        admin.MapPut("/stores/{hash}/rate-limit", Put).WithName("adminSetRateLimit")
            .WithSummary("Give a store a BigCommerce plan's quota, or one of its own")
            .WithDescription($"Either {{\"plan\": \"{string.Join("\" | \"", RateLimitPlans.Names)}\"}} (BigCommerce's published quotas: " +
                "Standard and Plus 150, Pro 450 requests per 30 s) or {\"quota\": N, \"window_ms\": M} (the configured window when " +
                "window_ms is not given). The store starts a fresh window at once; its answers' X-Rate-Limit-* headers show the new quota and window.")
            .WithRequestExample(new PutRateLimit { Plan = "pro" });
        admin.MapDelete("/stores/{hash}/rate-limit", Delete).WithName("adminRestoreRateLimit")
            .WithSummary("Give a store the configured quota again, in a fresh window");
        return admin;
    }

    public static async Task<Results<Ok<RateLimitView>, BcErrorResult>> Get(
        [FromRoute] string hash, CustomerDbContext db, StoreQuota quota, CancellationToken ct) =>
        await AdminStoreIds.ByHashAsync(db, hash, ct) is { } storeId
            ? TypedResults.Ok(View(quota.Peek(storeId).Limit))
            : BcErrors.NotFound(ApiVersion.Admin);

    public static async Task<Results<Ok<RateLimitView>, BcErrorResult>> Put(
        [FromRoute] string hash, PutRateLimit body, CustomerDbContext db, StoreQuota quota, CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        var limit = body.Plan is { } plan
            ? RateLimitPlans.Find(plan)!
            : new QuotaLimit(body.Quota!.Value, body.WindowMs ?? quota.Default.WindowMs, RateLimitPlans.Custom);
        quota.Change(storeId, limit);
        return TypedResults.Ok(View(limit));
    }

    public static async Task<Results<NoContent, BcErrorResult>> Delete([FromRoute] string hash, CustomerDbContext db, StoreQuota quota, CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        quota.Restore(storeId);
        return TypedResults.NoContent();
    }

    private static RateLimitView View(QuotaLimit limit) => new(limit.Plan ?? RateLimitPlans.Default, limit.Quota, limit.WindowMs);
}
