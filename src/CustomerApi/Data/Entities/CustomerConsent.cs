namespace CustomerApi.Data.Entities;

/// <summary>A customer's cookie consent: the categories allowed and denied (V3 <c>/customers/{id}/consent</c>).</summary>
public sealed class CustomerConsent
{
    public int StoreId { get; set; }
    public int CustomerId { get; set; }
    public string[] Allow { get; set; } = [];
    public string[] Deny { get; set; } = [];
}

/// <summary>[spec] consentAllow, Deny: the categories a shopper can consent to.</summary>
public static class ConsentCategories
{
    public static readonly IReadOnlyList<string> All = ["essential", "functional", "analytics", "targeting"];
}
