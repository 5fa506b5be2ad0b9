using CustomerApi.Data.Entities;
using CustomerApi.Features.Admin.Seed;
using CustomerApi.Features.V2.Addresses;
using CustomerApi.Features.V2.CustomerGroups;
using CustomerApi.Features.V3.Addresses;
using CustomerApi.Features.V3.AttributeValues;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Tests.Admin.Seed;

/// <summary>
/// What the seed makes, in bulk and without a database: every value within what the public API's own rules accept (the
/// HTTP tests put a sample back through the API; this covers thousands).
/// </summary>
public sealed class SeedFakerTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly CreateAddressV2Validator AddressRules = new();

    [Theory]
    [InlineData(1)]
    [InlineData(-424242)]
    public void Thousands_of_customers_fit_the_apis_rules(int seed)
    {
        var faker = new SeedFaker(seed);
        var attributes = faker.Attributes(CustomerAttribute.MaxPerStore, new HashSet<string>()).Select((a, i) => (i + 1, a.Kind)).ToList();
        var countries = new HashSet<string>();
        for (var id = 1; id <= 3_000; id++)
        {
            var identity = faker.Identity(id);
            var customer = faker.Customer(identity, 1, null, [1, 2], faker.CreatedAt(Now, id - 1, 3_000));
            EmailRules.IsEmail(customer.Email).ShouldBeTrue(customer.Email);
            customer.Email.ShouldBe(customer.Email.ToLowerInvariant());
            customer.FirstName.Trim().Length.ShouldBeInRange(1, CustomerLimits.Name);
            customer.LastName.Trim().Length.ShouldBeInRange(1, CustomerLimits.Name);
            customer.Company.Length.ShouldBeLessThanOrEqualTo(CustomerLimits.Company);
            customer.Phone.Length.ShouldBeLessThanOrEqualTo(CustomerLimits.Phone);
            customer.RegistrationIpAddress.Length.ShouldBeLessThanOrEqualTo(CustomerLimits.RegistrationIpAddress);
            customer.StoreCredit.ShouldBeInRange(0m, CustomerLimits.MaxStoreCredit);
            customer.CustomerGroupId.ShouldBeOneOf(0, 1, 2);
            foreach (var address in faker.Addresses(customer, identity.Country, 3))
            {
                ShouldBeValid(address);
                countries.Add(address.CountryIso2);
            }

            foreach (var value in faker.Values(customer, identity.Country, attributes))
            {
                var type = attributes.Single(a => a.Item1 == value.AttributeId).Kind.Type;
                AttributeValueTypes.Fits(type, value.Value).ShouldBeTrue($"{type} {value.Value}");
                value.Value.Length.ShouldBeInRange(1, CustomerAttributeValue.ValueLength);
            }
        }

        countries.Order().ShouldBe(SeedCatalog.Countries.Select(c => c.Iso2).Order());
    }

    [Fact]
    public void Groups_are_valid_create_bodies_with_names_apart_from_those_taken()
    {
        var taken = new HashSet<string> { "vip", "wholesale gold" };
        var groups = new SeedFaker(3).Groups(100, taken);

        var validator = new CreateCustomerGroupV2Validator();
        groups.ShouldAllBe(g => validator.Validate(g).IsValid);
        groups.Select(g => MatchKey.Of(g.Name!)).Distinct().Count().ShouldBe(100);
        groups.ShouldNotContain(g => g.Name == "VIP" || g.Name == "Wholesale Gold");
        taken.Count.ShouldBe(102);
    }

    [Fact]
    public void Attributes_take_the_types_in_turn_with_names_apart_from_those_taken()
    {
        var attributes = new SeedFaker(3).Attributes(CustomerAttribute.MaxPerStore, new HashSet<string> { "birthday" });

        attributes.Select(a => a.Kind.Type).Take(3).ShouldBe([AttributeTypes.Text, AttributeTypes.Number, AttributeTypes.Date]);
        attributes.Select(a => MatchKey.Of(a.Name)).Distinct().Count().ShouldBe(CustomerAttribute.MaxPerStore);
        attributes.ShouldNotContain(a => a.Name == "Birthday");
        attributes.ShouldAllBe(a => a.Name.Length <= CustomerAttribute.NameLength);
    }

    [Theory]
    [InlineData(5, -5)]
    [InlineData(int.MaxValue, int.MinValue)]
    [InlineData(0, 1)]
    public void Seeds_that_differ_make_different_customers_and_one_seed_the_same_every_time(int seed, int other)
    {
        static List<string> People(int seed)
        {
            var faker = new SeedFaker(seed);
            return Enumerable.Range(1, 20).Select(id => faker.Identity(id)).Select(p => $"{p.FirstName} {p.LastName} {p.Email}").ToList();
        }

        People(seed).ShouldBe(People(seed));
        People(seed).ShouldNotBe(People(other));
    }

    [Fact]
    public void A_retagged_email_keeps_its_name_and_domain()
    {
        SeedFaker.Retagged("jane.doe12@example.com", 1).ShouldBe("jane.doe12+1@example.com");
        SeedFaker.Retagged("jane.doe12+1@example.com", 2).ShouldBe("jane.doe12+2@example.com");
    }

    private static void ShouldBeValid(CustomerAddress address)
    {
        var body = new CreateAddressV2
        {
            FirstName = address.FirstName, LastName = address.LastName, Company = address.Company, Street1 = address.Street1,
            Street2 = address.Street2, City = address.City, State = address.State, Zip = address.Zip, Country = address.Country,
            Phone = address.Phone, AddressType = address.AddressType,
        };
        var result = AddressRules.Validate(body);
        result.IsValid.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.ErrorMessage)) + $" {address.Country} {address.State}");
        Countries.TryFind(address.Country, out var country).ShouldBeTrue();
        country.Iso2.ShouldBe(address.CountryIso2);
        States.Refusal(address.CountryIso2, address.State, address.Country, out var spelled).ShouldBeNull();
        spelled.ShouldBe(address.State);
    }
}
