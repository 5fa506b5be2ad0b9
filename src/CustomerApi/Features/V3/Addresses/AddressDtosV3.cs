using CustomerApi.Features.V3.Customers;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>
/// The writable fields of a V3 address (spec: address_Post, address_Put, customerAddresses_CustomerPost); each is left as
/// it is when absent. Keys an address body does not know are ignored, as in V3 customer bodies.
/// </summary>
public abstract class AddressV3Fields
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? Address1 { get; init; }
    public string? Address2 { get; init; }
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2; <c>country</c> is filled in from it.</summary>
    public string? CountryCode { get; init; }

    public string? Phone { get; init; }
    public string? AddressType { get; init; }
    public List<FormFieldV3?>? FormFields { get; init; }
}

/// <summary>An address given with a new customer (spec: customerAddresses_CustomerPost).</summary>
public sealed class CustomerAddressInputV3 : AddressV3Fields;

/// <summary>One item of <c>POST /customers/addresses</c> (spec: address_Post).</summary>
public sealed class CreateAddressV3 : AddressV3Fields
{
    public int? CustomerId { get; init; }
}

/// <summary>
/// One item of <c>PUT /customers/addresses</c> (spec: address_Put), a partial update by <c>id</c>. A <c>customer_id</c> is
/// ignored: "it is completely ignored by the implementation" (BigCommerce engineer, V3 doc 2.4); addresses never move.
/// </summary>
public sealed class UpdateAddressV3 : AddressV3Fields
{
    public int? Id { get; init; }
}
