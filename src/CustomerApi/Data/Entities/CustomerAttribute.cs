using System.Diagnostics.CodeAnalysis;

namespace CustomerApi.Data.Entities;

/// <summary>A named, typed field a store defines for its customers (V3 customer attributes).</summary>
[SuppressMessage("Naming", "CA1711", Justification = "BigCommerce's own name for the resource; not a .NET attribute.")]
public sealed class CustomerAttribute : IDated
{
    public const int MaxPerStore = 50;
    public const int NameLength = 255;

    public int StoreId { get; set; }
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Trimmed, lower-cased <see cref="Name"/>: what uniqueness and the name filters compare.</summary>
    public required string NameKey { get; set; }

    /// <summary>One of <see cref="AttributeTypes"/>; fixed once created.</summary>
    public required string Type { get; set; }

    public DateTime DateCreated { get; set; }
    public DateTime DateModified { get; set; }
}

public static class AttributeTypes
{
    public const string Text = "string";
    public const string Number = "number";
    public const string Date = "date";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Text, Number, Date };
}
