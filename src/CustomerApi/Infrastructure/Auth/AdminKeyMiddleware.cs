using CustomerApi.Infrastructure.Errors;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>
/// Guards the admin API's routes (<see cref="AdminApi"/>) as <see cref="StoreAuthMiddleware"/> guards a store's: after
/// routing and before the endpoint, so a request without the key is refused before its body is read. The
/// <c>X-Admin-Key</c> header must be the admin key (<see cref="AdminKey"/>); with no key configured the admin API does
/// not exist: 404.
/// </summary>
public sealed class AdminKeyMiddleware(RequestDelegate next, AdminKey key)
{
    public const string Header = "X-Admin-Key";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminApi>() is null)
        {
            return next(context);
        }

        if (!key.Exists)
        {
            return BcErrors.NotFound(ApiVersion.Admin).ExecuteAsync(context);
        }

        var presented = context.Request.Headers[Header];
        return presented.Count == 1 && key.Matches(presented[0]!) ? next(context) : BcErrors.AdminUnauthorized().ExecuteAsync(context);
    }
}
