namespace CustomerApi.Features.V3.Customers;

/// <summary>What <c>include</c> adds to each customer of a list (spec); nothing when absent.</summary>
public sealed record CustomerIncludes(bool Addresses, bool StoreCredit, bool Attributes, bool FormFields, bool ShopperProfileId, bool SegmentIds)
{
    public static readonly IReadOnlyList<string> Names = ["addresses", "storecredit", "attributes", "formfields", "shopper_profile_id", "segment_ids"];

    public static readonly CustomerIncludes None = new(false, false, false, false, false, false);

    /// <summary>The comma list's sub-resources, or null when one of its names is not one of <see cref="Names"/>.</summary>
    public static CustomerIncludes? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Any(n => !Names.Contains(n)))
        {
            return null;
        }

        return new(names.Contains("addresses"), names.Contains("storecredit"), names.Contains("attributes"), names.Contains("formfields"),
            names.Contains("shopper_profile_id"), names.Contains("segment_ids"));
    }
}
