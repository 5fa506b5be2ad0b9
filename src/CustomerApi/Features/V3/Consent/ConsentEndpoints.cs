using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Consent;

/// <summary>V3's <c>/customers/{customerId}/consent</c>: which cookie categories a customer allows and denies.</summary>
public static class ConsentEndpoints
{
    public static RouteGroupBuilder MapConsentV3(this RouteGroupBuilder v3)
    {
        var consent = v3.MapGroup("/customers/{customerId:int}/consent").WithTags("Consent (V3)");
        consent.MapGet("", Get).WithName("getCustomerConsent").WithSummary("Get Customer Consent");
        consent.MapPut("", Update).WithName("updateCustomerConsent").WithSummary("Update Customer Consent")
            .WithRequestExample(new DeclareConsentV3 { Allow = ["essential", "functional"], Deny = ["targeting"] });
        return v3;
    }

    /// <summary>The customer's consent; one that never declared any has allowed and denied nothing (spec: "nothing consented until set").</summary>
    public static async Task<Results<Ok<ConsentV3>, BcErrorResult>> Get(
        [FromRoute(Name = "customerId")] int customerId, StoreContext store, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var found = await db.Customers.AsNoTracking().Where(c => c.StoreId == store.Id && c.Id == customerId)
            .Select(c => new { Consent = db.CustomerConsents.FirstOrDefault(x => x.StoreId == store.Id && x.CustomerId == c.Id) })
            .ToListAsync(ct);
        if (found.Count == 0)
        {
            return BcErrors.NotFound(ApiVersion.V3);
        }

        var consent = found[0].Consent;
        return TypedResults.Ok(new ConsentV3(consent?.Allow ?? [], consent?.Deny ?? [], clock.UtcNowToTheSecond()));
    }

    /// <summary>Replaces the customer's consent with the one sent (a list left out is empty), and answers it.</summary>
    public static async Task<Results<Ok<ConsentV3>, BcErrorResult>> Update(
        [FromRoute(Name = "customerId")] int customerId, DeclareConsentV3 body, StoreContext store, CustomerDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        // The categories in the spec's order, whatever order they were sent in.
        string[] allow = [.. ConsentCategories.All.Where(c => body.Allow?.Contains(c) == true)];
        string[] deny = [.. ConsentCategories.All.Where(c => body.Deny?.Contains(c) == true)];

        // Under the store's lock, so two declarations for one customer cannot both insert, and a delete of the customer
        // (which takes it too) comes wholly before or after.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, store.Id, ct);
        if (!await db.Customers.AnyAsync(c => c.StoreId == store.Id && c.Id == customerId, ct))
        {
            return BcErrors.NotFound(ApiVersion.V3);
        }

        var consent = await db.CustomerConsents.FirstOrDefaultAsync(c => c.StoreId == store.Id && c.CustomerId == customerId, ct);
        if (consent is null)
        {
            db.CustomerConsents.Add(new CustomerConsent { StoreId = store.Id, CustomerId = customerId, Allow = allow, Deny = deny });
        }
        else
        {
            (consent.Allow, consent.Deny) = (allow, deny);
        }

        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.NotFound(ApiVersion.V3);
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new ConsentV3(allow, deny, clock.UtcNowToTheSecond()));
    }
}
