using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.CustomerGroups;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CustomerApi.Infrastructure.OpenApi;

namespace CustomerApi.Features.V2.Customers;

public static class CustomersEndpoints
{
    public static RouteGroupBuilder MapCustomersV2(this RouteGroupBuilder v2)
    {
        var customers = v2.MapGroup("/customers").WithTags("Customers (V2)");
        customers.MapGet("", List).WithName("getCustomers").WithSummary("Get All Customers");
        customers.MapPost("", Create).WithName("createCustomer").WithSummary("Create a New Customer")
            .WithRequestExample(new CreateCustomerV2
            {
                FirstName = "Jane", LastName = "Doe", Email = "jane@example.com", Phone = "555-0100", Company = "Acme",
                Authentication = new AuthenticationV2 { Password = "Secret-123" },
            })
            .Answers(StatusCodes.Status409Conflict, "The email is already a customer's in this store.", () => BcErrors.DuplicateEmail("jane@example.com"));
        customers.MapDelete("", DeleteMany).WithName("deleteCustomers").WithSummary("Delete Customers");
        customers.MapGet("/count", Count).WithName("getCustomersCount").WithSummary("Get a Count of Customers");
        customers.MapGet("/{customer_id:int}", Get).WithName("getCustomer").WithSummary("Get a Customer");
        customers.MapPut("/{customer_id:int}", Update).WithName("updateCustomer").WithSummary("Update a Customer")
            .WithRequestExample(new UpdateCustomerV2 { Phone = "555-0199", Notes = "Prefers email.", StoreCredit = 12.5m })
            .Answers(StatusCodes.Status409Conflict, "The new email is already another customer's in this store.", () => BcErrors.DuplicateEmail("jane@example.com"));
        customers.MapDelete("/{customer_id:int}", Delete).WithName("deleteCustomer").WithSummary("Delete a Customer");
        customers.MapPost("/{customer_id:int}/validate", ValidatePassword).WithName("validateCustomerPassword").WithSummary("Validate a Password")
            .WithRequestExample(new ValidatePasswordV2 { Password = "Secret-123" });
        return v2;
    }

    private static IQueryable<Customer> Of(this CustomerDbContext db, StoreContext store) =>
        db.Customers.AsNoTracking().Where(c => c.StoreId == store.Id);

    public static async Task<Results<Ok<IAsyncEnumerable<CustomerV2>>, NoContent>> List(
        [AsParameters] CustomerFilterV2 filter, StoreContext store, CustomerQueries queries, HttpRequest request, CancellationToken ct)
    {
        var paging = Paging.From(filter);
        if (paging.Offset is not { } offset)
        {
            return TypedResults.NoContent();
        }

        var links = new CustomerLinks(request, store.Hash);
        var services = request.HttpContext.RequestServices;
        var rows = await CustomerFormFieldsV2.WithFormFieldsAsync(queries.Page(services, store.Id, filter, offset, paging.Limit), store, services, ct);
        var page = await StreamedPage.StartAsync(rows, links.Fill, ct);
        return page is null
            ? TypedResults.NoContent() // V2 answers an empty page with 204, not [] (behaviour doc 7.1)
            : TypedResults.Ok(page);
    }

    public static async Task<Ok<CountV2>> Count(
        [AsParameters] CustomerFilterV2 filter, StoreContext store, CustomerQueries queries, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new CountV2(await queries.CountAsync(http.RequestServices, store.Id, filter, ct)));

    public static async Task<Results<Ok<CustomerV2>, BcErrorResult>> Get(
        [FromRoute(Name = "customer_id")] int customerId, StoreContext store, CustomerQueries queries, HttpRequest request, CancellationToken ct)
    {
        var customer = await queries.ByIdAsync(request.HttpContext.RequestServices, store.Id, customerId, ct);
        if (customer is null)
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        await CustomerFormFieldsV2.FillAsync([customer], store, request.HttpContext.RequestServices, ct);
        return TypedResults.Ok(new CustomerLinks(request, store.Hash).Fill(customer));
    }

    public static async Task<Results<Created<CustomerV2>, BcErrorResult>> Create(
        CreateCustomerV2 body, StoreContext store, CustomerDbContext db, PasswordService passwords, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var now = clock.UtcNowToTheSecond();
        var customer = new Customer { StoreId = store.Id, FirstName = "", LastName = "", Email = "", EmailKey = "", DateCreated = now };
        body.ApplyTo(customer, body.NewPasswordHash(passwords), now); // no password given: PasswordHash stays null, which nothing matches
        customer.ChannelIds = store.Channels.ForNewCustomer(null, customer.OriginChannelId); // V2 creates on channel 1

        // Into a group, the store's lock keeps the group from being deleted until the customer is saved, and an unknown
        // group is refused before the insert takes an id; otherwise the create is one statement (CustomerInserts).
        await using var transaction = customer.CustomerGroupId != 0 ? await db.Database.BeginTransactionAsync(ct) : null;
        if (transaction is not null)
        {
            await StoreLock.AcquireAsync(db, store.Id, ct);
            if (!await CustomerGroupsEndpoints.IsAssignableAsync(db, store.Id, customer.CustomerGroupId, ct))
            {
                return BcErrors.UnknownCustomerGroup(customer.CustomerGroupId);
            }
        }

        if (!await CustomerInserts.TryInsertAsync(db, customer, ct))
        {
            return BcErrors.DuplicateEmail(customer.Email);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        var created = customer.ToV2(new CustomerLinks(request, store.Hash));
        await CustomerFormFieldsV2.FillAsync([created], store, request.HttpContext.RequestServices, ct);
        return TypedResults.Created($"/stores/{store.Hash}/v2/customers/{customer.Id}", created);
    }

    public static async Task<Results<Ok<CustomerV2>, BcErrorResult>> Update(
        [FromRoute(Name = "customer_id")] int customerId, UpdateCustomerV2 body, StoreContext store, CustomerDbContext db,
        PasswordService passwords, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        // A move to a group takes the store's lock before anything is read, so the group cannot be deleted before this
        // customer is saved in it, and a delete of the customer that came first is seen as a 404 here. A new email is
        // locked (EmailClaims) before it is checked, so no other write can take it in between; and so is the customer's
        // current one, which every other change of its email or channels locks too, so none can interleave with this one.
        var newPasswordHash = body.NewPasswordHash(passwords);
        var emailKey = body.Email is { } email ? MatchKey.Of(email) : null;
        var intoGroup = body.CustomerGroupId is > 0;
        await using var transaction = intoGroup || emailKey is not null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (intoGroup)
        {
            await StoreLock.AcquireAsync(db, store.Id, ct);
        }

        string? currentKey = null;
        if (emailKey is not null)
        {
            currentKey = await db.Of(store).Where(c => c.Id == customerId).Select(c => c.EmailKey).FirstOrDefaultAsync(ct);
            await EmailClaims.LockAsync(db, store.Id, currentKey is null ? [emailKey] : [emailKey, currentKey], ct);
        }

        var customer = await db.Customers.FirstOrDefaultAsync(c => c.StoreId == store.Id && c.Id == customerId, ct);
        if (customer is null)
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        if (emailKey is not null && customer.EmailKey != currentKey)
        {
            return BcErrors.ChangedMeanwhile(ApiVersion.V2); // its email changed between the read and the lock
        }

        if (emailKey is not null && emailKey != customer.EmailKey
            && EmailClaims.Clashes(await EmailClaims.HoldersAsync(db, store.Id, [emailKey], ct), emailKey, customer.ChannelIds, customer.Id))
        {
            return BcErrors.DuplicateEmail(body.Email!.Trim());
        }

        if (intoGroup && !await CustomerGroupsEndpoints.IsAssignableAsync(db, store.Id, body.CustomerGroupId!.Value, ct))
        {
            return BcErrors.UnknownCustomerGroup(body.CustomerGroupId.Value);
        }

        body.ApplyTo(customer, newPasswordHash, clock.UtcNowToTheSecond());
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.NotFound(ApiVersion.V2); // deleted between the read and the write: the delete won the race
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        var updated = customer.ToV2(new CustomerLinks(request, store.Hash));
        await CustomerFormFieldsV2.FillAsync([updated], store, request.HttpContext.RequestServices, ct);
        return TypedResults.Ok(updated);
    }

    public static async Task<Results<NoContent, BcErrorResult>> Delete(
        [FromRoute(Name = "customer_id")] int customerId, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var deleted = await CustomerDeletes.DeleteAsync(db, store.Id, db.Customers.Where(c => c.StoreId == store.Id && c.Id == customerId), ct);
        return deleted == 0 ? BcErrors.NotFound(ApiVersion.V2) : TypedResults.NoContent();
    }

    /// <summary>Deletes every customer of the store, or those matching the list filters; paging does not apply.</summary>
    public static async Task<NoContent> DeleteMany([AsParameters] CustomerFilterV2 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        await CustomerDeletes.DeleteAsync(db, store.Id, filter.Apply(db.Customers.Where(c => c.StoreId == store.Id)), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PasswordValidationV2>, BcErrorResult>> ValidatePassword(
        [FromRoute(Name = "customer_id")] int customerId, ValidatePasswordV2 body, StoreContext store, CustomerDbContext db,
        PasswordService passwords, CancellationToken ct)
    {
        var stored = await db.Of(store).Where(c => c.Id == customerId).Select(c => new { c.PasswordHash }).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return BcErrors.NotFound(ApiVersion.V2);
        }

        return TypedResults.Ok(new PasswordValidationV2(await passwords.IsRightAsync(db, store.Id, customerId, stored.PasswordHash, body.Password!, ct)));
    }
}
