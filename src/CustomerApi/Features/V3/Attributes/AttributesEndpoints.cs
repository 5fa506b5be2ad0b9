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

namespace CustomerApi.Features.V3.Attributes;

public static class AttributesEndpoints
{
    public static RouteGroupBuilder MapAttributesV3(this RouteGroupBuilder v3)
    {
        var attributes = v3.MapGroup("/customers/attributes").WithTags("Customer Attributes (V3)");
        attributes.MapGet("", List).WithName("getCustomersAttributes").WithSummary("Get All Customer Attributes");
        attributes.MapPost("", Create).WithName("createCustomersAttributes").WithSummary("Create a Customer Attribute")
            .WithRequestExample(new[] { new CreateAttributeV3 { Name = "Shoe size", Type = "number" } });
        attributes.MapPut("", Update).WithName("updateCustomersAttributes").WithSummary("Update a Customer Attribute")
            .WithRequestExample(new[] { new UpdateAttributeV3 { Id = 1, Name = "Shoe size (EU)" } });
        attributes.MapDelete("", Delete).WithName("deleteCustomersAttributes").WithSummary("Delete Customer Attributes");
        return v3;
    }

    public static async Task<Ok<PageV3<AttributeV3>>> List(
        [AsParameters] AttributeFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var query = filter.Apply(db.CustomerAttributes.AsNoTracking().Where(a => a.StoreId == store.Id)).OrderBy(a => a.Id);
        return TypedResults.Ok(await Envelope.PageAsync(query, AttributeMapping.Projection, Paging.FromV3(filter), ct));
    }

    /// <summary>Creates the whole batch or nothing. Names are unique in the store; a store holds at most 50 attributes.</summary>
    public static async Task<Results<Ok<EnvelopeV3<AttributeV3>>, BcErrorResult>> Create(
        [FromBody] List<CreateAttributeV3> body, StoreContext store, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var keys = body.Select(a => MatchKey.Of(a.Name!)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Taking the ids locks the store's row: the limit and the name checks below cannot race another request.
        var firstId = await StoreSequences.TakeAsync(db, store.Id, StoreSequence.Attributes, ct, body.Count);
        var existing = await db.CustomerAttributes.Where(a => a.StoreId == store.Id).CountAsync(ct);
        if (existing + body.Count > CustomerAttribute.MaxPerStore)
        {
            return BcErrors.TooManyAttributes(CustomerAttribute.MaxPerStore, existing);
        }

        var taken = await db.CustomerAttributes.Where(a => a.StoreId == store.Id && keys.Contains(a.NameKey)).Select(a => a.NameKey).ToListAsync(ct);
        if (NameClashes(keys, taken.ToHashSet(), body.Select(a => a.Name!).ToList()) is { Count: > 0 } clashes)
        {
            return BcErrors.Validation(ApiVersion.V3, clashes);
        }

        var now = clock.UtcNowToTheSecond();
        var created = body.Select((a, i) => new CustomerAttribute
        {
            StoreId = store.Id, Id = firstId + i, Name = a.Name!.Trim(), NameKey = keys[i], Type = a.Type!, DateCreated = now, DateModified = now,
        }).ToList();
        db.CustomerAttributes.AddRange(created);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.Validation(ApiVersion.V3, [Failure.Invalid("name", "A customer attribute of that name already exists.")]);
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(Envelope.Written(created.Select(a => a.ToV3()).ToList()));
    }

    /// <summary>Renames attributes, all or none. The type cannot change: delete the attribute and create it again.</summary>
    public static async Task<Results<Ok<EnvelopeV3<AttributeV3>>, BcErrorResult>> Update(
        [FromBody] List<UpdateAttributeV3> body, StoreContext store, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, store.Id, ct); // names are checked against, and saved to, a store nobody else changes
        var all = await db.CustomerAttributes.Where(a => a.StoreId == store.Id).ToDictionaryAsync(a => a.Id, ct);
        if (RenameFailures(body, all) is { Count: > 0 } failures)
        {
            return BcErrors.Validation(ApiVersion.V3, failures);
        }

        var now = clock.UtcNowToTheSecond();
        var updated = body.Select(item =>
        {
            var attribute = all[item.Id!.Value];
            attribute.Name = item.Name!.Trim();
            attribute.NameKey = MatchKey.Of(item.Name!);
            attribute.DateModified = now;
            return attribute;
        }).ToList();
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            // Swapping two names in one request passes the check above but trips the unique index row by row.
            return BcErrors.Validation(ApiVersion.V3, [Failure.Invalid("name", "The new names clash with each other while being applied; rename in two requests.")]);
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(Envelope.Written(updated.Select(a => a.ToV3()).ToList()));
    }

    /// <summary>
    /// Each item must name an attribute of the store, once, keep its type, and leave every name of the store unique once
    /// all the renames are applied. One pass over the items and one over the store's attributes.
    /// </summary>
    private static List<Failure> RenameFailures(List<UpdateAttributeV3> body, Dictionary<int, CustomerAttribute> all)
    {
        var failures = new List<Failure>();
        var seen = new HashSet<int>();
        var renamed = new Dictionary<int, int>(); // attribute id -> index of the valid item renaming it
        for (var i = 0; i < body.Count; i++)
        {
            var item = body[i];
            if (!all.TryGetValue(item.Id!.Value, out var attribute))
            {
                failures.Add(Failure.Invalid("id", $"Customer attribute {item.Id} does not exist.").AtItem(i));
            }
            else if (!seen.Add(attribute.Id))
            {
                failures.Add(Failure.Invalid("id", $"Customer attribute {item.Id} appears more than once in the request.").AtItem(i));
            }
            else if (item.Type is not null && item.Type != attribute.Type)
            {
                failures.Add(Failure.Invalid("type",
                    $"The type of a customer attribute cannot be changed (it is '{attribute.Type}'); delete the attribute and create it again.").AtItem(i));
            }
            else
            {
                renamed[attribute.Id] = i;
            }
        }

        // The name every attribute will have afterwards, and how many attributes will have each.
        var holders = new Dictionary<string, int>();
        foreach (var attribute in all.Values)
        {
            var key = renamed.TryGetValue(attribute.Id, out var index) ? MatchKey.Of(body[index].Name!) : attribute.NameKey;
            holders[key] = holders.GetValueOrDefault(key) + 1;
        }

        foreach (var (_, i) in renamed.OrderBy(r => r.Value))
        {
            if (holders[MatchKey.Of(body[i].Name!)] > 1)
            {
                failures.Add(Failure.Invalid("name", $"A customer attribute named '{body[i].Name!.Trim()}' already exists.").AtItem(i));
            }
        }

        return failures;
    }

    /// <summary>Deletes the attributes of <c>id:in</c> and, through the database, every value of them. Unknown ids are skipped.</summary>
    public static async Task<NoContent> Delete([AsParameters] IdsFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var ids = filter.Ids;
        if (ids.Length > 0)
        {
            // Under the store's lock: a rename or an upsert of values that read these attributes saves before they go.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await StoreLock.AcquireAsync(db, store.Id, ct);
            await db.CustomerAttributes.Where(a => a.StoreId == store.Id && ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return TypedResults.NoContent();
    }

    private static List<Failure> NameClashes(List<string> keys, HashSet<string> taken, List<string> names)
    {
        var failures = new List<Failure>();
        var seen = new HashSet<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (taken.Contains(keys[i]) | !seen.Add(keys[i]))
            {
                failures.Add(Failure.Invalid("name", $"A customer attribute named '{names[i].Trim()}' already exists.").AtItem(i));
            }
        }

        return failures;
    }
}
