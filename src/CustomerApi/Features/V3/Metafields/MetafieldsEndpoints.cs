using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Metafields;

/// <summary>
/// V3's <c>/customers/{customerId}/metafields</c>: one customer's metafields, as the calling client sees them
/// (<see cref="MetafieldReads.Visible"/>). A metafield of another customer is not found here.
/// </summary>
public static class MetafieldsEndpoints
{
    public static RouteGroupBuilder MapMetafieldsV3(this RouteGroupBuilder v3)
    {
        var metafields = v3.MapGroup("/customers/{customerId:int}/metafields").WithTags("Metafields (V3)");
        metafields.MapGet("", List).WithName("getCustomersMetafields").WithSummary("Get Customer Metafields");
        metafields.MapPost("", Create).WithName("createCustomerMetafields").WithSummary("Create Customer Metafields")
            .WithRequestExample(new MetafieldInputV3
            {
                PermissionSet = MetafieldPermissions.AppOnly, Namespace = "Warehouse Locations", Key = "location_id", Value = "4HG",
                Description = "Where the customer's orders ship from",
            })
            .Answers(StatusCodes.Status409Conflict, "The client already has a metafield of this namespace and key on the customer.",
                () => MetafieldAnswers.Refused(ItemFailure.Duplicate))
            .Answers(StatusCodes.Status422UnprocessableEntity, "A field is missing or invalid, or the customer has as many of the client's metafields as it may.",
                () => MetafieldAnswers.Refused(ItemFailure.TooMany));
        metafields.MapGet("/{metafieldId:int}", Get).WithName("getMetafieldsCustomerId").WithSummary("Get a Customer Metafield");
        metafields.MapPut("/{metafieldId:int}", Update).WithName("updateCustomerMetafield").WithSummary("Update a Metafield")
            .WithRequestExample(new MetafieldChangesV3 { Value = "5JK", Description = "Moved to the second warehouse" })
            .Answers(StatusCodes.Status403Forbidden, "Another client's metafield that is read-only to this one, or a change of its namespace, key or permission_set.",
                () => MetafieldAnswers.Refused(ItemFailure.UpdateRefused))
            .Answers(StatusCodes.Status409Conflict, "The new namespace and key are those of another of the owner's metafields on the customer.",
                () => MetafieldAnswers.Refused(ItemFailure.Duplicate));
        metafields.MapDelete("/{metafieldId:int}", Delete).WithName("deleteCustomerMetafieldsId").WithSummary("Delete a Customer Metafield")
            .Answers(StatusCodes.Status403Forbidden, "Another client's metafield that is read-only to this one.",
                () => MetafieldAnswers.Refused(ItemFailure.DeleteRefused));
        return v3;
    }

    public static async Task<Results<Ok<CursorPageV3<MetafieldV3>>, BcErrorResult>> List(
        [FromRoute(Name = "customerId")] int customerId, [AsParameters] MetafieldFilterV3 filter, StoreContext store, ApiClient client,
        CustomerDbContext db, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.StoreId == store.Id && c.Id == customerId, ct))
        {
            return BcErrors.NotFound(ApiVersion.V3);
        }

        var metafields = MetafieldReads.Visible(db, store.Id, client).Where(m => m.CustomerId == customerId);
        return TypedResults.Ok(await MetafieldReads.ListAsync(metafields, filter, ct));
    }

    /// <summary>Creates one metafield; answered as a batch of one (spec: MetaFieldCollectionPostPutResponses).</summary>
    public static async Task<Results<Ok<MetafieldWriteV3<MetafieldV3>>, BcErrorResult>> Create(
        [FromRoute(Name = "customerId")] int customerId, MetafieldInputV3 body, StoreContext store, ApiClient client, CustomerDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var outcomes = await MetafieldWrites.CreateAsync(db, store.Id, client, [new(0, customerId, body)], clock, ct);
        return outcomes is not [var outcome] ? BcErrors.NotFound(ApiVersion.V3) // the customer went while it was written
            : outcome.Failure is { } failure ? MetafieldAnswers.Refused(failure)
            : TypedResults.Ok(new MetafieldWriteV3<MetafieldV3>([outcome.Written!], [], new WriteMetaV3(1, 1, 0)));
    }

    public static async Task<Results<Ok<MetafieldOneV3>, BcErrorResult>> Get(
        [FromRoute(Name = "customerId")] int customerId, [FromRoute(Name = "metafieldId")] int metafieldId, StoreContext store, ApiClient client,
        CustomerDbContext db, CancellationToken ct)
    {
        var found = await MetafieldReads.Visible(db, store.Id, client).Where(m => m.CustomerId == customerId && m.Id == metafieldId)
            .Select(MetafieldReads.Full).FirstOrDefaultAsync(ct);
        return found is null ? BcErrors.NotFound(ApiVersion.V3) : TypedResults.Ok(new MetafieldOneV3(found, new EmptyMetaV3()));
    }

    /// <summary>Changes the fields sent; an <c>id</c> in the body must be the path's [inferred: the spec requires it there].</summary>
    public static async Task<Results<Ok<MetafieldWriteV3<MetafieldV3>>, BcErrorResult>> Update(
        [FromRoute(Name = "customerId")] int customerId, [FromRoute(Name = "metafieldId")] int metafieldId, MetafieldChangesV3 body,
        StoreContext store, ApiClient client, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (body.Id is { } id && id != metafieldId)
        {
            return BcErrors.InvalidField(ApiVersion.V3, "id", $"id must be the metafield's id of the URL, {metafieldId}, or left out");
        }

        var outcomes = await MetafieldWrites.UpdateAsync(db, store.Id, client, [new(0, metafieldId, customerId, body)], clock, ct);
        return outcomes is not [var outcome] ? BcErrors.ChangedMeanwhile(ApiVersion.V3)
            : outcome.Failure is { } failure ? MetafieldAnswers.Refused(failure)
            : TypedResults.Ok(new MetafieldWriteV3<MetafieldV3>([outcome.Written!], [], new WriteMetaV3(1, 1, 0)));
    }

    public static async Task<Results<NoContent, BcErrorResult>> Delete(
        [FromRoute(Name = "customerId")] int customerId, [FromRoute(Name = "metafieldId")] int metafieldId, StoreContext store, ApiClient client,
        CustomerDbContext db, CancellationToken ct)
    {
        var outcomes = await MetafieldWrites.DeleteAsync(db, store.Id, client, [new(0, metafieldId, customerId)], ct);
        return outcomes[0].Failure is { } failure ? MetafieldAnswers.Refused(failure) : TypedResults.NoContent();
    }
}
