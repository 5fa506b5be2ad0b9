namespace CustomerApi.Data.Entities;

/// <summary>One customer's value of one attribute: at most one per (customer, attribute), always kept as text.</summary>
public sealed class CustomerAttributeValue : IDated
{
    public const int ValueLength = 255;

    public int StoreId { get; set; }
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int AttributeId { get; set; }
    public required string Value { get; set; }
    public DateTime DateCreated { get; set; }
    public DateTime DateModified { get; set; }
}
