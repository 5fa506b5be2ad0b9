using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.Metafields;

/// <summary>
/// V3's <c>/customers/metafields</c>: the store's metafields, as the calling client sees them, and batches of writes
/// in which each item is written or refused on its own (spec: partial success answers 422).
/// </summary>
public static class MetafieldBatchEndpoints
{
    /// <summary>Items one batch may carry [inferred: BigCommerce's metafield batches take 50].</summary>
    public const int MaxPerCall = 50;

    private const string PartialSuccess =
        "Some items were not written (the others were): data holds the written ones, errors one entry per failed item keyed by its "
        + "place in the request (a delete's by its id), meta the counts. Or the request as a whole is invalid (no items): nothing was written.";

    private static readonly int[] DeleteExample = [2];

    public static RouteGroupBuilder MapMetafieldBatchV3(this RouteGroupBuilder v3)
    {
        var metafields = v3.MapGroup("/customers/metafields").WithTags("Metafields Batch (V3)");
        metafields.MapGet("", List).WithName("getAllCustomersMetafields").WithSummary("Get All Customer Metafields");
        metafields.MapPost("", Create).WithName("createCustomersMetafields").WithSummary("Create Multiple Metafields")
            .WithRequestExample(new[]
            {
                new NewMetafieldV3
                {
                    ResourceId = 1, PermissionSet = MetafieldPermissions.Read, Namespace = "Sales Department", Key = "Staff Name", Value = "Ronaldo",
                    Description = "Name of Staff Member",
                },
            })
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {MaxPerCall} items in one call.", () => BcErrors.BatchTooLarge(MaxPerCall, "items"))
            .Answers(StatusCodes.Status422UnprocessableEntity, PartialSuccess, NoItems);
        // The example updates metafield 1 and deletes metafield 2, so that written in the order of the document's own
        // check (creates first) each finds what it names.
        metafields.MapPut("", Update).WithName("updateCustomersMetafields").WithSummary("Update Multiple Metafields")
            .WithRequestExample(new[] { new MetafieldChangesV3 { Id = 1, Value = "Messi" } })
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {MaxPerCall} items in one call.", () => BcErrors.BatchTooLarge(MaxPerCall, "items"))
            .Answers(StatusCodes.Status422UnprocessableEntity, PartialSuccess, NoItems);
        metafields.MapDelete("", Delete).WithName("deleteCustomersMetafields").WithSummary("Delete Multiple Metafields")
            .WithRequestExample(DeleteExample)
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {MaxPerCall} ids in one call.", () => BcErrors.BatchTooLarge(MaxPerCall, "items"))
            .Answers(StatusCodes.Status422UnprocessableEntity, PartialSuccess, NoItems);
        return v3;
    }

    private static BcErrorResult NoItems() => BcErrors.Validation(ApiVersion.V3, [Failure.Invalid("body", "The request must carry at least one item.")]);

    public static async Task<Ok<CursorPageV3<MetafieldV3>>> List(
        [AsParameters] MetafieldFilterV3 filter, StoreContext store, ApiClient client, CustomerDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await MetafieldReads.ListAsync(MetafieldReads.Visible(db, store.Id, client), filter, ct));

    public static async Task<Results<Ok<MetafieldWriteV3<MetafieldV3>>, UnprocessableEntity<MetafieldWriteV3<MetafieldV3>>, BcErrorResult>> Create(
        [FromBody] List<NewMetafieldV3?> body, StoreContext store, ApiClient client, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var invalid = Judge(body, NewMetafieldV3Validator.Instance);
        var valid = body.Select((item, index) => (item, index)).Where(x => !invalid.ContainsKey(x.index))
            .Select(x => new NewMetafield(x.index, x.item!.ResourceId!.Value, x.item)).ToList();
        var written = valid.Count == 0 ? [] : await MetafieldWrites.CreateAsync(db, store.Id, client, valid, clock, ct);
        return written is null ? BcErrors.ChangedMeanwhile(ApiVersion.V3) : Answer(body.Count, invalid, written);
    }

    public static async Task<Results<Ok<MetafieldWriteV3<MetafieldV3>>, UnprocessableEntity<MetafieldWriteV3<MetafieldV3>>, BcErrorResult>> Update(
        [FromBody] List<MetafieldChangesV3?> body, StoreContext store, ApiClient client, CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var invalid = Judge(body, MetafieldBatchChangeValidator.Instance);
        var valid = body.Select((item, index) => (item, index)).Where(x => !invalid.ContainsKey(x.index))
            .Select(x => new MetafieldChange(x.index, x.item!.Id!.Value, null, x.item)).ToList();
        var written = valid.Count == 0 ? [] : await MetafieldWrites.UpdateAsync(db, store.Id, client, valid, clock, ct);
        return written is null ? BcErrors.ChangedMeanwhile(ApiVersion.V3) : Answer(body.Count, invalid, written);
    }

    /// <summary>Deletes the metafields of the ids sent (spec siblings: "List of metafield IDs"); errors are keyed by id.</summary>
    public static async Task<Results<Ok<MetafieldWriteV3<int>>, UnprocessableEntity<MetafieldWriteV3<int>>, BcErrorResult>> Delete(
        [FromBody] List<int> body, StoreContext store, ApiClient client, CustomerDbContext db, CancellationToken ct)
    {
        var outcomes = await MetafieldWrites.DeleteAsync(db, store.Id, client, [.. body.Select((id, index) => new MetafieldDelete(index, id, null))], ct);
        return MetafieldAnswers.Of(body.Count,
            outcomes.Select(o => (o.Index, o.Written ?? 0, o.Failure?.Message, MetafieldAnswers.Position(body[o.Index]))));
    }

    /// <summary>Each item's first problem, by its place; the items not named passed.</summary>
    private static Dictionary<int, string> Judge<T>(List<T?> body, FluentValidation.IValidator<T> validator) where T : class =>
        body.Select((item, index) => (index, problem: MetafieldRules.FirstProblem(validator, item)))
            .Where(x => x.problem is not null).ToDictionary(x => x.index, x => x.problem!);

    private static Results<Ok<MetafieldWriteV3<MetafieldV3>>, UnprocessableEntity<MetafieldWriteV3<MetafieldV3>>, BcErrorResult> Answer(
        int total, Dictionary<int, string> invalid, List<ItemOutcome<MetafieldV3>> written) =>
        MetafieldAnswers.Of(total, invalid.Select(x => (x.Key, (MetafieldV3?)null, (string?)x.Value, MetafieldAnswers.Position(x.Key)))
            .Concat(written.Select(o => (o.Index, o.Written, o.Failure?.Message, MetafieldAnswers.Position(o.Index)))));
}
