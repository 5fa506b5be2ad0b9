using System.Security.Cryptography;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.Admin.Faults;
using CustomerApi.Features.Admin.Requests;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Http;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.Admin.Stores;

/// <summary>
/// The admin API's stores and tokens. A store is made with a token of every scope; deleting it takes
/// everything of it (the database's cascades); a revoked token is refused at once (the store's cache is dropped).
/// </summary>
public static class AdminStoresEndpoints
{
    private const string HashAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly string[] EveryScope = [Scopes.Customers, Scopes.StoredPaymentInstruments];

    public static RouteGroupBuilder MapAdminStores(this RouteGroupBuilder admin)
    {
        var taken = () => BcErrors.AdminConflict("There is already a store 'checkout-tests'.");
        admin.MapPost("/stores", Create).WithName("adminCreateStore").WithSummary("Create a store with a token of every scope")
            .WithDescription("A random 10-character hash when none is given. The answer holds the token's secret, shown only this once.")
            .WithRequestExample(new CreateAdminStore { Name = "Checkout tests" })
            .Answers(StatusCodes.Status409Conflict, "There is already a store with that hash.", taken);
        admin.MapGet("/stores", List).WithName("adminListStores").WithSummary("List the stores (the first 1,000, oldest first)");
        admin.MapGet("/stores/{hash}", Get).WithName("adminGetStore").WithSummary("Get a store");
        admin.MapDelete("/stores/{hash}", Delete).WithName("adminDeleteStore").WithSummary("Delete a store and everything of it");
        admin.MapPost("/stores/{hash}/tokens", CreateToken).WithName("adminCreateToken").WithSummary("Give a store a token of the scopes named")
            .WithDescription("The answer holds the token's secret, shown only this once; the store keeps its SHA-256 hash.")
            .WithRequestExample(new CreateAdminToken { Scopes = [Scopes.Customers + Scopes.ReadOnlySuffix] });
        admin.MapGet("/stores/{hash}/tokens", ListTokens).WithName("adminListTokens").WithSummary("List a store's tokens (never their secrets)");
        admin.MapDelete("/stores/{hash}/tokens/{id:int}", RevokeToken).WithName("adminRevokeToken").WithSummary("Revoke a token at once");
        return admin;
    }

    public static async Task<Results<Created<AdminCreatedStore>, BcErrorResult>> Create(
        CreateAdminStore? body, CustomerDbContext db, StoreDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        body ??= new CreateAdminStore(); // every field is optional, so is the body
        var hash = body.Hash ?? RandomNumberGenerator.GetString(HashAlphabet, 10);
        if (await db.Stores.AnyAsync(s => s.Hash == hash, ct))
        {
            return BcErrors.AdminConflict($"There is already a store '{hash}'.");
        }

        var now = clock.UtcNowToTheSecond();
        var secret = NewSecret();
        var token = new ApiToken { TokenHash = TokenHasher.Hash(secret), Scopes = string.Join(' ', EveryScope), DateCreated = now };
        var store = new Store { Hash = hash, Name = body.Name ?? "", DateCreated = now };
        store.Tokens.Add(token);
        db.Stores.Add(store);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.AdminConflict($"There is already a store '{hash}'.");
        }

        directory.Forget(hash); // a request for the hash a moment ago is remembered as a miss
        return TypedResults.Created($"/admin/stores/{hash}",
            new AdminCreatedStore(hash, store.Name, now, new AdminCreatedToken(token.Id, secret, EveryScope, now)));
    }

    public static async Task<Ok<List<AdminStore>>> List(CustomerDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Stores.AsNoTracking().OrderBy(s => s.Id).Take(1000).Select(s => new AdminStore(s.Hash, s.Name, s.DateCreated)).ToListAsync(ct));

    public static async Task<Results<Ok<AdminStore>, BcErrorResult>> Get([FromRoute] string hash, CustomerDbContext db, CancellationToken ct) =>
        await db.Stores.AsNoTracking().Where(s => s.Hash == hash).Select(s => new AdminStore(s.Hash, s.Name, s.DateCreated)).FirstOrDefaultAsync(ct) is { } store
            ? TypedResults.Ok(store)
            : BcErrors.NotFound(ApiVersion.Admin);

    /// <summary>Takes the store's rows (the database's cascades) and what the service keeps of it in memory: cache, log, faults, quota.</summary>
    public static async Task<Results<NoContent, BcErrorResult>> Delete(
        [FromRoute] string hash, CustomerDbContext db, StoreDirectory directory, RequestLog requests, StoreFaults faults, StoreQuota quota,
        CancellationToken ct)
    {
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId || await db.Stores.Where(s => s.Id == storeId).ExecuteDeleteAsync(ct) == 0)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        directory.Forget(hash);
        requests.Clear(storeId);
        faults.Replace(storeId, []);
        quota.Restore(storeId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<AdminCreatedToken>, BcErrorResult>> CreateToken(
        [FromRoute] string hash, CreateAdminToken body, CustomerDbContext db, StoreDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var scopes = body.Scopes!.Distinct().ToArray();
        if (await AdminStoreIds.ByHashAsync(db, hash, ct) is not { } storeId)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        var now = clock.UtcNowToTheSecond();
        var secret = NewSecret();
        var token = new ApiToken { StoreId = storeId, TokenHash = TokenHasher.Hash(secret), Scopes = string.Join(' ', scopes), DateCreated = now };
        db.ApiTokens.Add(token);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.NotFound(ApiVersion.Admin);
        }

        directory.Forget(hash);
        return TypedResults.Created($"/admin/stores/{hash}/tokens/{token.Id}", new AdminCreatedToken(token.Id, secret, scopes, now));
    }

    public static async Task<Results<Ok<List<AdminToken>>, BcErrorResult>> ListTokens([FromRoute] string hash, CustomerDbContext db, CancellationToken ct)
    {
        var rows = await db.Stores.AsNoTracking().Where(s => s.Hash == hash)
            .Select(s => new { Tokens = s.Tokens.OrderBy(t => t.Id).Select(t => new { t.Id, t.Scopes, t.DateCreated }).ToList() }).FirstOrDefaultAsync(ct);
        return rows is null
            ? BcErrors.NotFound(ApiVersion.Admin)
            : TypedResults.Ok(rows.Tokens.Select(t => new AdminToken(t.Id, t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), t.DateCreated)).ToList());
    }

    public static async Task<Results<NoContent, BcErrorResult>> RevokeToken(
        [FromRoute] string hash, [FromRoute] int id, CustomerDbContext db, StoreDirectory directory, CancellationToken ct)
    {
        var revoked = await db.ApiTokens.Where(t => t.Id == id && db.Stores.Any(s => s.Id == t.StoreId && s.Hash == hash)).ExecuteDeleteAsync(ct);
        directory.Forget(hash); // refused from the next request on, not after the cache's 30 s
        return revoked == 0 ? BcErrors.NotFound(ApiVersion.Admin) : TypedResults.NoContent();
    }

    private static string NewSecret() => RandomNumberGenerator.GetHexString(40, lowercase: true);
}
