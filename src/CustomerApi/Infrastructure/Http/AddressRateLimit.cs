using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CustomerApi.Infrastructure.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// A limit per client address, in front of everything else (auth, routing, the database): a flood from one address,
/// with a token or without one, for a store that exists or not, is refused with 429 before it costs a query. It is
/// ours, not BigCommerce's: the per-store quota (<see cref="RateLimitMiddleware"/>) counts only authenticated requests.
/// It covers every path, <c>/health</c> (which queries the database without a token) and the OpenAPI document and
/// Swagger UI (which cost CPU) included. The default is far above what one instance serves on 2 cores, so that load
/// tests from one address measure the emulator; an exposed instance should lower it.
/// </summary>
public static class AddressRateLimit
{
    public const string Section = "RateLimit:PerAddress";
    public const string RetryAfterHeader = "X-Retry-After";

    /// <summary>Connections without an address (the in-memory test server, a Unix socket) share this partition.</summary>
    private static readonly IPAddress NoAddress = IPAddress.IPv6None;

    /// <summary>A fixed window per address: <c>RequestsPerWindow</c> per <c>WindowMs</c>, <c>QueueLimit</c> more wait for the next.</summary>
    public sealed record Settings(int RequestsPerWindow, int WindowMs, int QueueLimit)
    {
        /// <returns>The configured limit, or null when <c>RateLimit:PerAddress:Enabled</c> is false.</returns>
        public static Settings? From(IConfiguration configuration)
        {
            var section = configuration.GetSection(Section);
            if (!(section.GetValue<bool?>("Enabled") ?? true))
            {
                return null;
            }

            var settings = new Settings(
                section.GetValue<int?>(nameof(RequestsPerWindow)) ?? 50_000,
                section.GetValue<int?>(nameof(WindowMs)) ?? 1_000,
                section.GetValue<int?>(nameof(QueueLimit)) ?? 0);
            return settings is { RequestsPerWindow: > 0, WindowMs: > 0, QueueLimit: >= 0 }
                ? settings
                : throw new InvalidOperationException(
                    $"{Section}: RequestsPerWindow and WindowMs must be positive and QueueLimit not negative, not {settings}; set Enabled to false to turn the limit off.");
        }
    }

    public static IServiceCollection AddAddressRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        if (Settings.From(configuration) is not { } settings)
        {
            return services;
        }

        var options = new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.RequestsPerWindow,
            Window = TimeSpan.FromMilliseconds(settings.WindowMs),
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false, // the partitioned limiter's own 100 ms timer renews every window: no timer per address
        };
        Func<IPAddress, RateLimiter> newWindow = _ => new FixedWindowRateLimiter(options); // made once: no allocation per request
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, IPAddress>(
                context => RateLimitPartition.Get(context.Connection.RemoteIpAddress ?? NoAddress, newWindow));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => RefuseAsync(context, options.Window);
        });
    }

    /// <summary>Put before auth and anything that reads the database; does nothing when the limit is turned off.</summary>
    public static IApplicationBuilder UseAddressRateLimit(this IApplicationBuilder app, IConfiguration configuration) =>
        Settings.From(configuration) is null ? app : app.UseRateLimiter();

    /// <summary>429 in the request's API version, with the wait in whole seconds as <c>Retry-After</c> and as BigCommerce's <c>X-Retry-After</c>.</summary>
    private static ValueTask RefuseAsync(OnRejectedContext context, TimeSpan window)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var http = context.HttpContext;
        http.Response.Headers[HeaderNames.RetryAfter] = seconds;
        http.Response.Headers[RetryAfterHeader] = seconds;
        return new ValueTask(BcErrors.TooManyRequests(ApiVersions.FromPath(http.Request.Path)).ExecuteAsync(http));
    }
}
