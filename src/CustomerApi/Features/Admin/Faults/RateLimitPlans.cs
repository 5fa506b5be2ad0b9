using CustomerApi.Infrastructure.Http;

namespace CustomerApi.Features.Admin.Faults;

/// <summary>
/// BigCommerce's published store quotas by plan [spec: "API rate limits", "Rate limits by plan type",
/// https://docs.bigcommerce.com/developer/docs/overview/api-fundamentals/rate-limits; behaviour doc section 5]:
/// Standard and Plus 20k an hour (150 per 30 s), Pro 60k an hour (450 per 30 s). Enterprise quotas are by agreement, so
/// they have no name here: give <c>quota</c> and <c>window_ms</c>.
/// </summary>
public static class RateLimitPlans
{
    public const string Custom = "custom";
    public const string Default = "default";
    private const long Window = 30_000;

    private static readonly QuotaLimit[] Plans = [new(150, Window, "standard"), new(150, Window, "plus"), new(450, Window, "pro")];

    public static IEnumerable<string> Names => Plans.Select(p => p.Plan!);

    public static QuotaLimit? Find(string name) => Plans.FirstOrDefault(p => string.Equals(p.Plan, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
