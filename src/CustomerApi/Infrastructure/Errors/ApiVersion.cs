namespace CustomerApi.Infrastructure.Errors;

/// <summary>Which API a request speaks, BigCommerce's two or the emulator's own admin API; it decides the error body format.</summary>
public enum ApiVersion { V2, V3, Admin }

public static class ApiVersions
{
    /// <summary>Reads the version from <c>/stores/{hash}/v3/...</c> or <c>/admin/...</c>; anything else answers in the V2 format.</summary>
    public static ApiVersion FromPath(PathString path)
    {
        if (path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            return ApiVersion.Admin;
        }

        var segments = (path.Value ?? "").Split('/', 5, StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3
            && segments[0].Equals("stores", StringComparison.OrdinalIgnoreCase)
            && segments[2].Equals("v3", StringComparison.OrdinalIgnoreCase)
            ? ApiVersion.V3
            : ApiVersion.V2;
    }
}
