using System.Linq.Expressions;
using CustomerApi.Data.Entities;

namespace CustomerApi.Features.V2.Addresses;

public static class AddressMapping
{
    public static readonly Expression<Func<CustomerAddress, AddressV2>> Projection = a => new AddressV2
    {
        Id = a.Id,
        CustomerId = a.CustomerId,
        FirstName = a.FirstName,
        LastName = a.LastName,
        Company = a.Company,
        Street1 = a.Street1,
        Street2 = a.Street2,
        City = a.City,
        State = a.State,
        Zip = a.Zip,
        Country = a.Country,
        CountryIso2 = a.CountryIso2,
        Phone = a.Phone,
        AddressType = a.AddressType,
    };

    private static readonly Func<CustomerAddress, AddressV2> FromEntity = Projection.Compile();

    public static AddressV2 ToV2(this CustomerAddress address) => FromEntity(address);

    /// <summary>Copies what the request sent onto the address; absent fields stay as they are. The validator has run.</summary>
    public static void ApplyTo(this AddressV2Fields body, CustomerAddress address)
    {
        address.SetNames(body.FirstName ?? address.FirstName, body.LastName ?? address.LastName);
        address.Company = body.Company ?? address.Company;
        address.Street1 = body.Street1 ?? address.Street1;
        address.Street2 = body.Street2 ?? address.Street2;
        address.City = body.City ?? address.City;
        address.State = body.State ?? address.State;
        address.Zip = body.Zip ?? address.Zip;
        address.Phone = body.Phone ?? address.Phone;
        address.AddressType = body.AddressType ?? address.AddressType;
        if (body.Country is not null && Countries.TryFind(body.Country, out var country))
        {
            (address.Country, address.CountryIso2) = country;
        }
    }
}
