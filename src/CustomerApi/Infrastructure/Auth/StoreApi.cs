using CustomerApi.Infrastructure.Errors;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>Endpoint metadata: a store-scoped route of one API version, guarded by one OAuth scope.</summary>
public sealed record StoreApi(ApiVersion Version, string Scope);

public static class StoreApiExtensions
{
    /// <summary>A <c>/stores/{store_hash}/{version}</c> group whose every route needs a token of that store with <paramref name="scope"/>.</summary>
    public static RouteGroupBuilder MapStoreApi(this IEndpointRouteBuilder routes, ApiVersion version, string scope)
    {
        var group = routes.MapGroup($"/stores/{{store_hash}}/{version.ToString().ToLowerInvariant()}")
            .WithMetadata(new StoreApi(version, scope));
        ((IEndpointConventionBuilder)group).Add(AlsoAnswerHead);
        return group;
    }

    /// <summary>Every GET route answers HEAD too (read-only tokens may send both); the server drops the body.</summary>
    private static void AlsoAnswerHead(EndpointBuilder endpoint)
    {
        var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault()?.HttpMethods;
        if (methods is not null && methods.Contains(HttpMethods.Get) && !methods.Contains(HttpMethods.Head))
        {
            endpoint.Metadata.Add(new HttpMethodMetadata([.. methods, HttpMethods.Head]));
        }
    }
}
