using System.Globalization;
using CustomerApi.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerApi.Features.V3.Metafields;

/// <summary>
/// A metafield write's answer from its items' outcomes: 200 when every item was written, else 422 with the written
/// ones, an error per failed item (keyed by its place, or a delete's id) and the counts (spec: ..._PartialSuccess_*).
/// </summary>
public static class MetafieldAnswers
{
    public static Results<Ok<MetafieldWriteV3<T>>, UnprocessableEntity<MetafieldWriteV3<T>>, BcErrorResult> Of<T>(
        int total, IEnumerable<(int Index, T? Written, string? Failure, string Key)> outcomes)
    {
        var ordered = outcomes.OrderBy(o => o.Index).ToList();
        var written = ordered.Where(o => o.Failure is null).Select(o => o.Written!).ToList();
        var errors = ordered.Where(o => o.Failure is not null).Select(o => BcErrors.MetafieldItemFailed(o.Key, o.Failure!)).ToList();
        var answer = new MetafieldWriteV3<T>(written, errors, new WriteMetaV3(total, written.Count, errors.Count));
        return errors.Count == 0 ? TypedResults.Ok(answer) : TypedResults.UnprocessableEntity(answer);
    }

    public static string Position(int index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>A single route's refusal of its one item: 404 in the service's body, the others worded as the item's error.</summary>
    public static BcErrorResult Refused(ItemFailure failure) => failure.Status == StatusCodes.Status404NotFound
        ? BcErrors.NotFound(ApiVersion.V3)
        : BcErrors.MetafieldRefused(failure.Status, failure.Message);
}
