using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Customers;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CustomerApi.Infrastructure.OpenApi;

namespace CustomerApi.Features.V2.CustomerGroups;

/// <summary>
/// <c>/v2/customer_groups</c>. Writes run in a transaction that first takes the store's lock (<see cref="StoreLock"/>),
/// so the name, guests' group and default checks, and the customers' group checks, never race one another.
/// </summary>
public static class CustomerGroupsEndpoints
{
    public static RouteGroupBuilder MapCustomerGroupsV2(this RouteGroupBuilder v2)
    {
        var groups = v2.MapGroup("/customer_groups").WithTags("Customer Groups (V2)");
        groups.MapGet("", List).WithName("getCustomerGroups").WithSummary("Get All Customer Groups");
        groups.MapPost("", Create).WithName("createCustomerGroup").WithSummary("Create a Customer Group")
            .WithRequestExample(new CreateCustomerGroupV2
            {
                Name = "Wholesale",
                CategoryAccess = new CategoryAccessV2 { Type = "all" },
                DiscountRules = [new DiscountRuleV2 { Type = "all", Method = "percent", Amount = 5m }],
            })
            .Answers(StatusCodes.Status409Conflict, "A group of that name is already in this store.", () => BcErrors.DuplicateGroupName("Wholesale"));
        groups.MapGet("/count", Count).WithName("getCustomerGroupsCount").WithSummary("Get a Count of Customer Groups");
        groups.MapGet("/{customer_group_id:int}", Get).WithName("getCustomerGroup").WithSummary("Get a Customer Group");
        groups.MapPut("/{customer_group_id:int}", Update).WithName("updateCustomerGroup").WithSummary("Update a Customer Group")
            .WithRequestExample(new UpdateCustomerGroupV2 { Name = "Wholesale EU", IsDefault = false })
            .Answers(StatusCodes.Status409Conflict, "Another group of that name is already in this store.", () => BcErrors.DuplicateGroupName("Wholesale"));
        groups.MapDelete("/{customer_group_id:int}", Delete).WithName("deleteCustomerGroup").WithSummary("Delete a Customer Group");
        return v2;
    }

    private static IQueryable<CustomerGroup> Of(this CustomerDbContext db, StoreContext store) =>
        db.CustomerGroups.AsNoTracking().Where(g => g.StoreId == store.Id);

    public static async Task<Results<Ok<IAsyncEnumerable<CustomerGroupV2>>, NoContent>> List(
        [AsParameters] CustomerGroupFilterV2 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var paging = Paging.From(filter);
        if (paging.Offset is not { } offset)
        {
            return TypedResults.NoContent();
        }

        var rows = filter.Apply(db.Of(store)).OrderBy(g => g.Id).Skip(offset).Take(paging.Limit).AsAsyncEnumerable();
        var page = await StreamedPage.StartAsync(rows, CustomerGroupMapping.ToV2, ct);
        return page is null ? TypedResults.NoContent() : TypedResults.Ok(page);
    }

    public static async Task<Ok<CountV2>> Count([AsParameters] CustomerGroupFilterV2 filter, StoreContext store, CustomerDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new CountV2(await filter.Apply(db.Of(store)).CountAsync(ct)));

    public static async Task<Results<Ok<CustomerGroupV2>, BcErrorResult>> Get(
        [FromRoute(Name = "customer_group_id")] int groupId, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var group = await db.Of(store).FirstOrDefaultAsync(g => g.Id == groupId, ct);
        return group is null ? BcErrors.NotFound(ApiVersion.V2) : TypedResults.Ok(group.ToV2());
    }

    public static async Task<Results<Created<CustomerGroupV2>, BcErrorResult>> Create(
        CreateCustomerGroupV2 body, StoreContext store, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.UtcNowToTheSecond();
        var group = new CustomerGroup { StoreId = store.Id, Name = "", NameKey = "", DateCreated = now };
        body.ApplyTo(group, now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        group.Id = await StoreSequences.TakeAsync(db, store.Id, StoreSequence.CustomerGroups, ct);
        if (await ConflictAsync(db, group, ct) is { } conflict)
        {
            return conflict;
        }

        await ClearOtherDefaultsAsync(db, group, now, ct);
        db.CustomerGroups.Add(group);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.DuplicateGroupName(group.Name); // nothing else can refuse it: the group was read under the store's lock
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/stores/{store.Hash}/v2/customer_groups/{group.Id}", group.ToV2());
    }

    /// <summary>A partial update; <c>discount_rules</c>, when sent, replaces the group's rules wholesale [spec].</summary>
    public static async Task<Results<Ok<CustomerGroupV2>, BcErrorResult>> Update(
        [FromRoute(Name = "customer_group_id")] int groupId, UpdateCustomerGroupV2 body, StoreContext store, CustomerDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, store.Id, ct);
        var group = await db.CustomerGroups.FirstOrDefaultAsync(g => g.StoreId == store.Id && g.Id == groupId, ct);
        if (group is null)
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        var now = clock.UtcNowToTheSecond();
        body.ApplyTo(group, now);
        if (await ConflictAsync(db, group, ct) is { } conflict)
        {
            return conflict;
        }

        await ClearOtherDefaultsAsync(db, group, now, ct);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.DuplicateGroupName(group.Name); // nothing else can refuse it: the group was read under the store's lock
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(group.ToV2());
    }

    /// <summary>Deletes the group and moves its customers to no group (0) [spec], in one transaction.</summary>
    public static async Task<Results<NoContent, BcErrorResult>> Delete(
        [FromRoute(Name = "customer_group_id")] int groupId, StoreContext store, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, store.Id, ct);
        if (await db.CustomerGroups.Where(g => g.StoreId == store.Id && g.Id == groupId).ExecuteDeleteAsync(ct) == 0)
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        var now = clock.UtcNowToTheSecond();
        await db.Customers.Where(c => c.StoreId == store.Id && c.CustomerGroupId == groupId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerGroupId, 0).SetProperty(c => c.DateModified, now), ct);

        // A channel's override naming the group goes with it: the channel takes the global setting again.
        await db.ChannelSettings.Where(c => c.StoreId == store.Id && (c.GuestCustomerGroupId == groupId || c.DefaultCustomerGroupId == groupId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.GuestCustomerGroupId, c => c.GuestCustomerGroupId == groupId ? null : c.GuestCustomerGroupId)
                .SetProperty(c => c.DefaultCustomerGroupId, c => c.DefaultCustomerGroupId == groupId ? null : c.DefaultCustomerGroupId), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// True when <paramref name="groupId"/> may be a customer's group in the store: 0 (none) or an existing group.
    /// Call inside a transaction that holds the store's lock (<see cref="StoreLock"/>) so the group
    /// cannot be deleted before the customer is saved.
    /// </summary>
    public static async Task<bool> IsAssignableAsync(CustomerDbContext db, int storeId, int groupId, CancellationToken ct) =>
        groupId == 0 || await db.CustomerGroups.AnyAsync(g => g.StoreId == storeId && g.Id == groupId, ct);

    private static async Task<BcErrorResult?> ConflictAsync(CustomerDbContext db, CustomerGroup group, CancellationToken ct)
    {
        var others = db.CustomerGroups.AsNoTracking().Where(g => g.StoreId == group.StoreId && g.Id != group.Id);
        if (await others.AnyAsync(g => g.NameKey == group.NameKey, ct))
        {
            return BcErrors.DuplicateGroupName(group.Name);
        }

        if (group.IsGroupForGuests && await others.Where(g => g.IsGroupForGuests).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct) is { } guestsId)
        {
            return BcErrors.GuestsGroupTaken(guestsId);
        }

        return null;
    }

    /// <summary>A store has one default group: making this one the default takes the flag from any other.</summary>
    private static async Task ClearOtherDefaultsAsync(CustomerDbContext db, CustomerGroup group, DateTime now, CancellationToken ct)
    {
        if (group.IsDefault)
        {
            await db.CustomerGroups.Where(g => g.StoreId == group.StoreId && g.Id != group.Id && g.IsDefault)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.IsDefault, false).SetProperty(g => g.DateModified, now), ct);
        }
    }
}
