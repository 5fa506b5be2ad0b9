using CustomerApi.Infrastructure.Errors;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>Endpoint metadata: a store-scoped route of one API version, guarded by one OAuth scope.</summary>
public sealed record StoreApi(ApiVersion Version, string Scope);

public static class StoreApiExtensions
{
    /// <summary>A <c>/stores/{store_hash}/{version}</c> group whose every route needs a token of that store with <paramref name="scope"/>.</summary>
    public static RouteGroupBuilder MapStoreApi(this IEndpointRouteBuilder routes, ApiVersion version, string scope) =>
        routes.MapGroup($"/stores/{{store_hash}}/{version.ToString().ToLowerInvariant()}")
            .WithMetadata(new StoreApi(version, scope));
}
