using CustomerApi.Infrastructure.Errors;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>
/// Runs after routing and before the endpoint (so before body binding): a /stores route answers 401 without a
/// valid token of that very store, 403 without the route's scope.
/// </summary>
public sealed class StoreAuthMiddleware(RequestDelegate next, StoreDirectory stores)
{
    public const string TokenHeader = "X-Auth-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        var api = context.GetEndpoint()?.Metadata.GetMetadata<StoreApi>();
        if (api is null)
        {
            await next(context);
            return;
        }

        var token = context.Request.Headers[TokenHeader];
        var storeHash = context.Request.RouteValues["store_hash"] as string;
        var grant = token.Count == 1 && !string.IsNullOrEmpty(token[0]) && storeHash is not null
            ? await stores.AuthenticateAsync(storeHash, token[0]!, context.RequestAborted)
            : null;
        if (grant is null)
        {
            await BcErrors.Unauthorized(api.Version).ExecuteAsync(context);
            return;
        }

        if (!Scopes.Allows(grant.Scopes, api.Scope, context.Request.Method))
        {
            await BcErrors.Forbidden(api.Version).ExecuteAsync(context);
            return;
        }

        context.Features.Set(grant.Store);
        context.Features.Set(grant.Client);
        await next(context);
    }
}
