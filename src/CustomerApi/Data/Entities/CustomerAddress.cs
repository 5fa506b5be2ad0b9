namespace CustomerApi.Data.Entities;

/// <summary>One address of one customer; deleted with the customer (a cascade in the database).</summary>
public sealed class CustomerAddress
{
    public int StoreId { get; set; }
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }

    /// <summary>Customer.NameKeyOf the names: what V3's <c>name:in</c> on addresses compares.</summary>
    public string NameKey { get; set; } = "";

    public string Company { get; set; } = "";
    public required string Street1 { get; set; }
    public string Street2 { get; set; } = "";
    public required string City { get; set; }
    public required string State { get; set; }
    public required string Zip { get; set; }

    /// <summary>The full English name, as the country table spells it.</summary>
    public required string Country { get; set; }

    /// <summary>Derived from <see cref="Country"/>; never written by clients.</summary>
    public required string CountryIso2 { get; set; }

    public required string Phone { get; set; }

    /// <summary><c>residential</c> or <c>commercial</c>.</summary>
    public required string AddressType { get; set; }

    public void SetNames(string firstName, string lastName)
    {
        FirstName = firstName;
        LastName = lastName;
        NameKey = Customer.NameKeyOf(firstName, lastName);
    }
}

/// <summary>Column sizes of an address, shared by the schema and the validators.</summary>
public static class AddressLimits
{
    public const int Name = 255;
    public const int Company = 255;
    public const int Street = 255;
    public const int City = 100;
    public const int State = 100;
    public const int Zip = 30;
    public const int Country = 100;
    public const int CountryIso2 = 2;
    public const int Phone = 50;
    public const int AddressType = 20;
}
