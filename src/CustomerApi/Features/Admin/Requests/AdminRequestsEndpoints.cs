using CustomerApi.Data;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>A store's request log (<see cref="RequestLog"/>): its last requests, newest first, and clearing it.</summary>
public static class AdminRequestsEndpoints
{
    public static RouteGroupBuilder MapAdminRequests(this RouteGroupBuilder admin)
    {
        admin.MapGet("/stores/{hash}/requests", List).WithName("adminListRequests")
            .WithSummary("A store's last requests to its API, newest first (bodies of 4xx answers, secrets redacted)");
        admin.MapDelete("/stores/{hash}/requests", Clear).WithName("adminClearRequests").WithSummary("Clear a store's request log");
        return admin;
    }

    public static async Task<Results<Ok<List<AdminLoggedRequest>>, BcErrorResult>> List(
        [FromRoute] string hash, [AsParameters] RequestLogQuery query, RequestLog log, CustomerDbContext db, CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        var limit = QueryValues.ToInt(query.Limit) ?? Math.Min(RequestLog.DefaultLimit, log.Size);
        return TypedResults.Ok(log.Latest(storeId, limit).Select(AdminLoggedRequest.From).ToList());
    }

    public static async Task<Results<NoContent, BcErrorResult>> Clear([FromRoute] string hash, RequestLog log, CustomerDbContext db, CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        log.Clear(storeId);
        return TypedResults.NoContent();
    }
}
