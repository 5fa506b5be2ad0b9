using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;

namespace CustomerApi.Features.Admin.Faults;

/// <summary>The statuses a fault rule may answer, each in BigCommerce's body for the route's API version.</summary>
public static class FaultAnswers
{
    public static readonly int[] Statuses =
    [
        StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError, StatusCodes.Status502BadGateway,
        StatusCodes.Status503ServiceUnavailable, StatusCodes.Status504GatewayTimeout,
    ];

    private const string WhenInjected = "only when a fault rule of the admin API asks for it (PUT /admin/stores/{hash}/faults)";

    /// <summary>The answer of a 5xx fault; 429 is <see cref="Infrastructure.Http.RateLimitMiddleware.RefuseAsync"/>'s, with its headers.</summary>
    public static BcErrorResult For(HttpContext context, int status)
    {
        var version = context.GetEndpoint()?.Metadata.GetMetadata<StoreApi>()?.Version ?? ApiVersions.FromPath(context.Request.Path);
        return For(version, status);
    }

    /// <summary>
    /// Documents on every route of a store API group the statuses only faults give (429 and 503 every route documents
    /// already), so that the document still describes every answer the service can give.
    /// </summary>
    public static RouteGroupBuilder AnswersFaults(this RouteGroupBuilder group, ApiVersion version) => group
        .Answers(StatusCodes.Status500InternalServerError, $"An error within the API: {WhenInjected}.", () => For(version, StatusCodes.Status500InternalServerError))
        .Answers(StatusCodes.Status502BadGateway, $"The gateway got no valid answer: {WhenInjected}.", () => For(version, StatusCodes.Status502BadGateway))
        .Answers(StatusCodes.Status504GatewayTimeout, $"The gateway timed out: {WhenInjected}.", () => For(version, StatusCodes.Status504GatewayTimeout));

    private static BcErrorResult For(ApiVersion version, int status) => status switch
    {
        StatusCodes.Status500InternalServerError => BcErrors.InternalServerError(version),
        StatusCodes.Status502BadGateway => BcErrors.BadGateway(version),
        StatusCodes.Status503ServiceUnavailable => BcErrors.DownForMaintenance(version),
        StatusCodes.Status504GatewayTimeout => BcErrors.GatewayTimeout(version),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a status a fault rule answers"),
    };
}
