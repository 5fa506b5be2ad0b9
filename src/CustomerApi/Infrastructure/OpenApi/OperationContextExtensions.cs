using CustomerApi.Infrastructure.Auth;
using Microsoft.AspNetCore.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

public static class OperationContextExtensions
{
    /// <summary>The operation's <see cref="StoreApi"/> (its version and scope), or null for a route outside <c>/stores/{store_hash}</c>.</summary>
    public static StoreApi? StoreApi(this OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<StoreApi>().FirstOrDefault();

    /// <summary>Whether the operation is one of the emulator's own admin API (<c>/admin</c>).</summary>
    public static bool IsAdminApi(this OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<AdminApi>().Any();
}
