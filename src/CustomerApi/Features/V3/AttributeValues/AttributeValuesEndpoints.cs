using System.Linq.Expressions;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CustomerApi.Infrastructure.OpenApi;

namespace CustomerApi.Features.V3.AttributeValues;

public static class AttributeValuesEndpoints
{
    /// <summary>[spec] "Limit of 10 customers per call."</summary>
    public const int MaxCustomersPerCall = 10;

    private static readonly Expression<Func<CustomerAttributeValue, AttributeValueV3>> Projection =
        v => new AttributeValueV3(v.Id, v.CustomerId, v.AttributeId, v.Value, v.DateCreated, v.DateModified);

    private static readonly Func<CustomerAttributeValue, AttributeValueV3> ToV3 = Projection.Compile();

    public static RouteGroupBuilder MapAttributeValuesV3(this RouteGroupBuilder v3)
    {
        var values = v3.MapGroup("/customers/attribute-values").WithTags("Customer Attribute Values (V3)");
        values.MapGet("", List).WithName("getCustomersAttributeValues").WithSummary("Get All Customer Attribute Values");
        values.MapPut("", Upsert).WithName("upsertCustomersAttributeValues").WithSummary("Upsert Customer Attribute Values")
            .WithRequestExample(new[] { new UpsertAttributeValueV3 { CustomerId = 1, AttributeId = 1, Value = "42" } })
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {MaxCustomersPerCall} customers in one call, or a body larger than the service accepts.",
                () => BcErrors.BatchTooLarge(MaxCustomersPerCall, "customers"));
        values.MapDelete("", Delete).WithName("deleteCustomersAttributeValues").WithSummary("Delete Customer Attribute Values");
        return v3;
    }

    public static async Task<Ok<PageV3<AttributeValueV3>>> List(
        [AsParameters] AttributeValueFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var query = filter.Apply(db.CustomerAttributeValues.AsNoTracking().Where(v => v.StoreId == store.Id), db.CustomerAttributes)
            .OrderBy(v => v.Id);
        return TypedResults.Ok(await Envelope.PageAsync(query, Projection, Paging.FromV3(filter), ct));
    }

    /// <summary>
    /// One value per (customer, attribute): an existing pair is updated in place (same id), a new one created. The
    /// batch is checked as a whole first; one unknown customer or attribute, or one value that does not fit its
    /// attribute's type, and nothing is written.
    /// </summary>
    public static async Task<Results<Ok<EnvelopeV3<AttributeValueV3>>, BcErrorResult>> Upsert(
        [FromBody] List<UpsertAttributeValueV3> body, StoreContext store, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var customerIds = body.Select(v => v.CustomerId!.Value).Distinct().ToList();
        if (customerIds.Count > MaxCustomersPerCall)
        {
            return BcErrors.BatchTooLarge(MaxCustomersPerCall, "customers");
        }

        var attributeIds = body.Select(v => v.AttributeId!.Value).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Concurrent upserts of one pair queue here, so the second sees the first's row; and the customers, attributes and
        // values read below cannot be deleted before this batch is saved (their deletes take the same lock).
        await StoreLock.AcquireAsync(db, store.Id, ct);

        var types = await db.CustomerAttributes.AsNoTracking().Where(a => a.StoreId == store.Id && attributeIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Type, ct);
        var customers = (await db.Customers.AsNoTracking().Where(c => c.StoreId == store.Id && customerIds.Contains(c.Id))
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        // By customer alone, so PostgreSQL walks the (store, customer, attribute) index: with the attributes in the
        // query too it preferred the (store, attribute) index, a scan of every value of those attributes in the store.
        // A customer has a value of few attributes; those not asked for are dropped here.
        var existing = (await db.CustomerAttributeValues.Where(v => v.StoreId == store.Id && customerIds.Contains(v.CustomerId)).ToListAsync(ct))
            .Where(v => attributeIds.Contains(v.AttributeId))
            .ToDictionary(v => (v.CustomerId, v.AttributeId));

        if (Check(body, types, customers, existing) is { Count: > 0 } failures)
        {
            return BcErrors.Validation(ApiVersion.V3, failures);
        }

        var now = clock.UtcNowToTheSecond();
        var newCount = body.Count(v => !existing.ContainsKey((v.CustomerId!.Value, v.AttributeId!.Value)));
        var nextId = newCount == 0 ? 0 : await StoreSequences.TakeAsync(db, store.Id, StoreSequence.AttributeValues, ct, newCount);
        var written = new List<CustomerAttributeValue>(body.Count);
        foreach (var item in body)
        {
            if (!existing.TryGetValue((item.CustomerId!.Value, item.AttributeId!.Value), out var value))
            {
                value = new CustomerAttributeValue
                {
                    StoreId = store.Id, Id = nextId++, CustomerId = item.CustomerId.Value, AttributeId = item.AttributeId.Value,
                    Value = item.Value!, DateCreated = now,
                };
                db.CustomerAttributeValues.Add(value);
            }

            value.Value = item.Value!;
            value.DateModified = now;
            written.Add(value);
        }

        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            // Only a writer that does not take the store's lock (none does) could have deleted a row checked above.
            return BcErrors.Validation(ApiVersion.V3, [Failure.Invalid("body", "A customer or attribute of this request was deleted meanwhile.")]);
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(Envelope.Written(written.Select(ToV3).ToList()));
    }

    /// <summary>Deletes the values of <c>id:in</c>; unknown ids are skipped.</summary>
    public static async Task<NoContent> Delete([AsParameters] IdsFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var ids = filter.Ids;
        if (ids.Length > 0)
        {
            // Under the store's lock: an upsert that read these values as existing saves before they go.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await StoreLock.AcquireAsync(db, store.Id, ct);
            await db.CustomerAttributeValues.Where(v => v.StoreId == store.Id && ids.Contains(v.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return TypedResults.NoContent();
    }

    private static List<Failure> Check(List<UpsertAttributeValueV3> body, Dictionary<int, string> types, HashSet<int> customers,
        Dictionary<(int, int), CustomerAttributeValue> existing)
    {
        var failures = new List<Failure>();
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < body.Count; i++)
        {
            var (customerId, attributeId) = (body[i].CustomerId!.Value, body[i].AttributeId!.Value);
            if (!customers.Contains(customerId))
            {
                failures.Add(Failure.Invalid("customer_id", $"Customer {customerId} does not exist.").AtItem(i));
            }

            if (!types.TryGetValue(attributeId, out var type))
            {
                failures.Add(Failure.Invalid("attribute_id", $"Customer attribute {attributeId} does not exist.").AtItem(i));
            }
            else if (!AttributeValueTypes.Fits(type, body[i].Value!))
            {
                failures.Add(Failure.Invalid("value", AttributeValueTypes.Rule(type)).AtItem(i));
            }

            if (!seen.Add((customerId, attributeId)))
            {
                failures.Add(Failure.Invalid("attribute_id",
                    $"Customer {customerId} is given attribute {attributeId} more than once in this request.").AtItem(i));
            }

            if (body[i].Id is { } id && (!existing.TryGetValue((customerId, attributeId), out var current) || current.Id != id))
            {
                failures.Add(Failure.Invalid("id", $"{id} is not the id of customer {customerId}'s value of attribute {attributeId}.").AtItem(i));
            }
        }

        return failures;
    }
}
