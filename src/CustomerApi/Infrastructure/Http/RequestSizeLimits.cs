using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// How long a URL and how large the headers and body of a request may be: <c>Limits:MaxUrlBytes</c> (path and query as
/// sent) and <c>Limits:MaxRequestHeadersBytes</c> (every header line together), 32 KiB each by default, enough for an
/// <c>id:in</c> list of thousands of ids; <c>Limits:MaxRequestBodyBytes</c>, 1 MiB by default; and
/// <c>Limits:MaxSnapshotBytes</c>, 64 MiB by default, for the one body that carries a whole store, the admin API's
/// snapshot restore (<c>PUT /admin/stores/{hash}/snapshot</c>).
/// </summary>
public sealed record RequestSizeLimits(int MaxUrlBytes, int MaxRequestHeadersBytes, long MaxRequestBodyBytes, long MaxSnapshotBytes)
{
    public const int DefaultMaxUrlBytes = 32 * 1024;
    public const int DefaultMaxRequestHeadersBytes = 32 * 1024;
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;
    public const long DefaultMaxSnapshotBytes = 64 * 1024 * 1024;

    /// <summary>Kestrel's own limits are at least this, and at least twice the service's.</summary>
    private const int KestrelFloorBytes = 64 * 1024;

    public static RequestSizeLimits From(IConfiguration configuration) => new(
        Positive(configuration, "Limits:MaxUrlBytes", DefaultMaxUrlBytes),
        Positive(configuration, "Limits:MaxRequestHeadersBytes", DefaultMaxRequestHeadersBytes),
        configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? DefaultMaxRequestBodyBytes,
        configuration.GetValue<long?>("Limits:MaxSnapshotBytes") ?? DefaultMaxSnapshotBytes);

    /// <summary>The body limit of this request: the snapshot restore's, or every other request's.</summary>
    public long MaxBodyBytesFor(HttpRequest request) => IsSnapshotRestore(request) ? MaxSnapshotBytes : MaxRequestBodyBytes;

    /// <summary><c>PUT /admin/stores/{hash}/snapshot</c>, as routing matches it (any case, one trailing slash); read before routing runs.</summary>
    private static bool IsSnapshotRestore(HttpRequest request)
    {
        if (!HttpMethods.IsPut(request.Method) || !request.Path.StartsWithSegments("/admin/stores", StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return false;
        }

        var segments = (rest.Value ?? "").TrimEnd('/').Split('/');
        return segments is ["", { Length: > 0 }, var last] && last.Equals("snapshot", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Kestrel answers a request over its own limits with a bare 414 or 431, no body and no hook to give it one. So its
    /// limits sit well above the service's, and <see cref="RequestSizeLimitMiddleware"/> refuses what lies in between
    /// with BigCommerce's bodies; only a request over twice the service's limits (64 KiB at least) gets Kestrel's bare answer.
    /// </summary>
    public void ApplyTo(KestrelServerOptions kestrel)
    {
        var line = Above(MaxUrlBytes);
        var headers = Above(MaxRequestHeadersBytes);
        kestrel.Limits.MaxRequestLineSize = line;
        kestrel.Limits.MaxRequestHeadersTotalSize = headers;
        // HTTP/2 carries the URL as the :path header field, 16 KiB at most by default.
        kestrel.Limits.Http2.MaxRequestHeaderFieldSize = Math.Max(kestrel.Limits.Http2.MaxRequestHeaderFieldSize, Math.Max(line, headers));
        if (kestrel.Limits.MaxRequestBufferSize is { } buffer && buffer < Math.Max(line, headers))
        {
            kestrel.Limits.MaxRequestBufferSize = Math.Max(line, headers); // Kestrel requires the buffer to hold either
        }
    }

    private static int Above(int limit) => (int)Math.Min(int.MaxValue / 2, Math.Max(KestrelFloorBytes, 2L * limit));

    private static int Positive(IConfiguration configuration, string key, int fallback) =>
        configuration.GetValue<int?>(key) switch
        {
            null => fallback,
            > 0 and var value => value,
            var value => throw new InvalidOperationException($"{key} must be a positive number of bytes, not {value}."),
        };
}
