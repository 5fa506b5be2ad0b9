namespace CustomerApi.Infrastructure.Auth;

/// <summary>
/// Endpoint metadata marking a route of the emulator's own admin API (under <c>/admin</c>, guarded by
/// <see cref="AdminKeyMiddleware"/>), as <see cref="StoreApi"/> marks a store route.
/// </summary>
public sealed class AdminApi
{
    public static readonly AdminApi Instance = new();

    private AdminApi()
    {
    }
}
