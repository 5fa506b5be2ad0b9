namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// A test that holds answers against BigCommerce's spec: skipped, with the reason, where the spec is not found (a clone
/// on its own), and run everywhere else. See <see cref="BigCommerceSpec.SkipReason"/>.
/// </summary>
public sealed class SpecFactAttribute : FactAttribute
{
    public SpecFactAttribute()
    {
        Skip = BigCommerceSpec.SkipReason;
    }
}
