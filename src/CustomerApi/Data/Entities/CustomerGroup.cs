namespace CustomerApi.Data.Entities;

/// <summary>
/// A V2 customer group of one store. <see cref="CategoryIds"/> and <see cref="DiscountRules"/> are JSON text: they
/// are only ever read and written whole, with the group, so both providers keep them as a plain text column.
/// </summary>
public sealed class CustomerGroup : IDated
{
    public const int NameLength = 255;

    /// <summary>
    /// The spec bounds neither list; these caps [inferred] keep a group's row, and so a page of 250 groups, of a size
    /// a reader can hold: a longer list is refused as an invalid field.
    /// </summary>
    public const int MaxCategories = 1000;
    public const int MaxDiscountRules = 1000;

    public int StoreId { get; set; }
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Trimmed, lower-cased <see cref="Name"/>: what uniqueness and the name filters compare.</summary>
    public required string NameKey { get; set; }

    public bool IsDefault { get; set; }
    public bool IsGroupForGuests { get; set; }

    /// <summary><c>all</c>, <c>specific</c> or <c>none</c>.</summary>
    public string CategoryAccessType { get; set; } = CategoryAccessTypes.All;

    /// <summary>JSON array of category ids, e.g. <c>[18,19]</c>; empty unless the access type is <c>specific</c>.</summary>
    public string CategoryIds { get; set; } = "[]";

    /// <summary>JSON array of the discount rules in their V2 wire shape.</summary>
    public string DiscountRules { get; set; } = "[]";

    public DateTime DateCreated { get; set; }
    public DateTime DateModified { get; set; }
}

public static class CategoryAccessTypes
{
    public const string All = "all";
    public const string Specific = "specific";
    public const string None = "none";

    public static readonly IReadOnlySet<string> Values = new HashSet<string>(StringComparer.Ordinal) { All, Specific, None };
}
