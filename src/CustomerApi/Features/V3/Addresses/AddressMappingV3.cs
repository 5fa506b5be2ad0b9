using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Addresses;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>One address row, two views: V3's field names over V2's columns (street_1 is address1, zip postal_code, ...).</summary>
public static class AddressMappingV3
{
    /// <summary>Copies what the request sent onto the address; absent fields stay as they are. The validator has run.</summary>
    public static void ApplyTo(this AddressV3Fields body, CustomerAddress address)
    {
        address.SetNames(body.FirstName?.Trim() ?? address.FirstName, body.LastName?.Trim() ?? address.LastName);
        address.Company = body.Company ?? address.Company;
        address.Street1 = body.Address1 ?? address.Street1;
        address.Street2 = body.Address2 ?? address.Street2;
        address.City = body.City ?? address.City;
        address.State = body.StateOrProvince ?? address.State;
        address.Zip = body.PostalCode ?? address.Zip;
        address.Phone = body.Phone ?? address.Phone;
        address.AddressType = body.AddressType ?? address.AddressType;
        if (body.CountryCode is not null && Countries.TryFindByCode(body.CountryCode, out var country))
        {
            (address.Country, address.CountryIso2) = country;
        }
    }

    /// <summary>A new, empty address of the customer, for <see cref="ApplyTo"/> to fill.</summary>
    public static CustomerAddress NewAddress(int storeId, int id, int customerId) => new()
    {
        StoreId = storeId, Id = id, CustomerId = customerId, FirstName = "", LastName = "", Street1 = "", City = "", State = "", Zip = "",
        Country = "", CountryIso2 = "", Phone = "", AddressType = AddressV2FieldsValidator<CreateAddressV2>.Residential,
    };

    /// <summary>
    /// What makes two addresses of a customer the same one [spec]: customer, names, company, phone, type, both lines, city,
    /// country, state and postal code. Creating (or updating into) one the customer already has changes nothing.
    /// </summary>
    public static string IdentityOf(CustomerAddress a) => string.Join('\u001f', a.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        a.FirstName, a.LastName, a.Company, a.Phone, a.AddressType, a.Street1, a.Street2, a.City, a.CountryIso2, a.State, a.Zip);
}
