namespace CustomerApi.Data.Entities;

/// <summary>A customer's or an address's value of one form field: exactly one of the two owners is set.</summary>
public sealed class FormFieldValue
{
    public int StoreId { get; set; }
    public int Id { get; set; }
    public int FieldId { get; set; }
    public int? CustomerId { get; set; }
    public int? AddressId { get; set; }

    /// <summary>The value as JSON (a string, a number or a list of strings); a password field's is its hash, as a string.</summary>
    public required string Value { get; set; }
}
