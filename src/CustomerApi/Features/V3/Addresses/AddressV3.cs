using System.Text.Json.Serialization;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.FormFieldValues;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>
/// An address as V3 answers it: <c>id</c> first, then the keys in alphabetical order, as BigCommerce's recorded answers
/// have them (V3 doc 2.1). The same row as V2's address: <c>street_1</c> is <c>address1</c>, <c>zip</c> <c>postal_code</c>.
/// </summary>
public sealed record AddressV3(
    int Id,
    string Address1,
    string Address2,
    string AddressType,
    string City,
    string Company,
    string Country,
    string CountryCode,
    int CustomerId,
    string FirstName,
    string LastName,
    string Phone,
    string PostalCode,
    string StateOrProvince)
{
    /// <summary>Only with <c>include=formfields</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FormFieldValueV3>? FormFields { get; init; }

    public static AddressV3 From(CustomerAddress a) => new(a.Id, a.Street1, a.Street2, a.AddressType, a.City, a.Company, a.Country,
        a.CountryIso2, a.CustomerId, a.FirstName, a.LastName, a.Phone, a.Zip, a.State);
}
