using CustomerApi.Data;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.Admin.Faults;

/// <summary>A store's fault rules: BigCommerce's failures (and slowness) on demand, for that store's requests only.</summary>
public static class AdminFaultsEndpoints
{
    private const string Matching =
        "A rule applies to a request of the store's V2 and V3 routes (after its token is checked) when its method matches " +
        "(GET also covers HEAD; none for every method) and its path does. The path is matched after /stores/{store_hash}: " +
        "a prefix matches the request's path at segment boundaries, ignoring case (/v3/customers covers /v3/customers and " +
        "/v3/customers/5/metafields; / covers every route); a path holding { is a route template, matched exactly against " +
        "the route's own, ignoring case and constraints (/v2/customers/{customer_id}, /v3/customers/{customerId}/metafields). " +
        "The first rule, in the order given, that applies and fires (probability, then times left) waits latency_ms, then " +
        "answers status in the route's version's error body (429 with the X-Rate-Limit-* headers and X-Retry-After), or, " +
        "without a status, lets the request go on. Rules are kept in memory: a restart forgets them.";

    public static RouteGroupBuilder MapAdminFaults(this RouteGroupBuilder admin)
    {
        admin.MapGet("/stores/{hash}/faults", Get).WithName("adminGetFaults")
            .WithSummary("Get a store's fault rules and how often each fired");
        admin.MapPut("/stores/{hash}/faults", Put).WithName("adminSetFaults")
            .WithSummary("Replace a store's fault rules").WithDescription(Matching)
            .WithRequestExample(new PutFaults
            {
                Rules =
                [
                    new FaultRuleInput { Method = "POST", Path = "/v3/customers", Status = 503, Times = 2 },
                    new FaultRuleInput { Path = "/v2/customers/{customer_id}", Status = 429, Probability = 0.5 },
                    new FaultRuleInput { Path = "/", LatencyMs = 250 },
                ],
            });
        admin.MapDelete("/stores/{hash}/faults", Delete).WithName("adminClearFaults").WithSummary("Clear a store's fault rules");
        return admin.MapAdminRateLimit();
    }

    public static async Task<Results<Ok<FaultsView>, BcErrorResult>> Get(
        [FromRoute] string hash, CustomerDbContext db, StoreFaults faults, CancellationToken ct) =>
        await AdminStoreIds.ByHashAsync(db, hash, ct) is { } storeId
            ? TypedResults.Ok(View(faults.RulesOf(storeId)))
            : BcErrors.NotFound(ApiVersion.Admin);

    public static async Task<Results<Ok<FaultsView>, BcErrorResult>> Put(
        [FromRoute] string hash, PutFaults body, CustomerDbContext db, StoreFaults faults, StoreRouteTemplates templates, CancellationToken ct)
    {
        var rules = new List<FaultRule>();
        var unknown = new List<Failure>();
        foreach (var (input, index) in body.Rules!.Select((rule, index) => (rule!, index)))
        {
            var path = FaultPaths.Normalize(input.Path!)!;
            if (path.Contains('{', StringComparison.Ordinal) && !templates.Exists(path))
            {
                unknown.Add(Failure.Invalid($"rules[{index}].path",
                    $"no store route has the template {path}; templates name parameters as the routes do, e.g. /v2/customers/{{customer_id}}"));
            }

            rules.Add(new FaultRule(input.Method?.ToUpperInvariant(), path, input.Status, input.Probability ?? 1, input.LatencyMs ?? 0, input.Times));
        }

        if (unknown.Count > 0)
        {
            return BcErrors.Validation(ApiVersion.Admin, unknown);
        }

        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        faults.Replace(storeId, [.. rules]);
        return TypedResults.Ok(View(rules));
    }

    public static async Task<Results<NoContent, BcErrorResult>> Delete([FromRoute] string hash, CustomerDbContext db, StoreFaults faults, CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        faults.Replace(storeId, []);
        return TypedResults.NoContent();
    }

    private static FaultsView View(IEnumerable<FaultRule> rules) => new([.. rules.Select(r => r.View())]);
}
