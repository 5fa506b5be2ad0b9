using System.Text;
using Bogus;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Addresses;
using CustomerApi.Features.V2.CustomerGroups;
using CustomerApi.Features.V3.Addresses;

namespace CustomerApi.Features.Admin.Seed;

/// <summary>Who a seeded customer is, decided before anything else of it so that its email can be locked and checked first.</summary>
public sealed record SeedIdentity(int Id, SeedCountry Country, string FirstName, string LastName, string Email);

/// <summary>
/// Makes one request's data from its seed, with Randomizers of its own (never Bogus's global one: requests run in
/// parallel). Groups, attributes, who the customers are and the rest of them each draw from a stream of their own, so
/// asking for more groups does not change the customers' names. Not thread-safe: one per request.
/// </summary>
public sealed class SeedFaker
{
    private static readonly int TotalWeight = SeedCatalog.Countries.Sum(c => c.Weight);

    private readonly Draws _groups;
    private readonly Draws _attributes;
    private readonly Draws _identities;
    private readonly Draws _details;

    public SeedFaker(int seed)
    {
        // System.Random seeds with the seed's magnitude alone; the sign picks other streams, so that seed and -seed differ.
        var root = new Randomizer(seed);
        var sign = seed < 0 ? 0x5EED : 0;
        _groups = new Draws(root.Int() ^ sign);
        _attributes = new Draws(root.Int() ^ sign);
        _identities = new Draws(root.Int() ^ sign);
        _details = new Draws(root.Int() ^ sign);
    }

    /// <summary>Groups with names none of <paramref name="takenKeys"/> has (which it then holds too), as a client would create them.</summary>
    public List<CreateCustomerGroupV2> Groups(int count, ISet<string> takenKeys)
    {
        var random = _groups.Random;
        return Enumerable.Range(0, count).Select(_ =>
        {
            var tier = random.ArrayElement(SeedCatalog.GroupTiers);
            var name = Unique($"{random.ArrayElement(SeedCatalog.GroupKinds)} {tier}".TrimEnd(), takenKeys);
            var specific = random.Bool(0.1f);
            return new CreateCustomerGroupV2
            {
                Name = name,
                IsDefault = false,
                IsGroupForGuests = false,
                CategoryAccess = new CategoryAccessV2
                {
                    Type = specific ? CategoryAccessTypes.Specific : CategoryAccessTypes.All,
                    Categories = specific ? Enumerable.Range(0, random.Int(1, 5)).Select(_ => random.Int(18, 60)).Distinct().ToList() : null,
                },
                DiscountRules = random.Int(0, 9) switch
                {
                    < 6 => [new DiscountRuleV2 { Type = DiscountRuleTypes.All, Method = "percent", Amount = random.Int(5, 30) }],
                    < 8 => [new DiscountRuleV2 { Type = DiscountRuleTypes.All, Method = "fixed", Amount = random.Int(1, 20) }],
                    _ => [],
                },
            };
        }).ToList();
    }

    /// <summary>Attributes of each type in turn, named apart from <paramref name="takenKeys"/> (which it then holds too).</summary>
    public List<(string Name, SeedAttributeKind Kind)> Attributes(int count, ISet<string> takenKeys)
    {
        var random = _attributes.Random;
        var byType = SeedCatalog.AttributesByType.Select(kinds => random.Shuffle(kinds).ToArray()).ToArray();
        return Enumerable.Range(0, count).Select(i =>
        {
            var kinds = byType[i % byType.Length];
            var kind = kinds[i / byType.Length % kinds.Length];
            return (Unique(kind.Name, takenKeys), kind);
        }).ToList();
    }

    public SeedIdentity Identity(int id)
    {
        var country = CountryAt(_identities.Random.Int(1, TotalWeight));
        var name = _identities.For(country).Name;
        var (first, last) = (name.FirstName(), name.LastName());
        return new SeedIdentity(id, country, first, last, Email(first, last, id));
    }

    /// <summary>
    /// The local part is letters (and a dot or underscore) followed by the customer's id: no two ids give one email, and
    /// a store never reuses an id, so seeded customers never clash with each other, in this request or any other.
    /// </summary>
    private string Email(string first, string last, int id)
    {
        var random = _identities.Random;
        var (f, l) = (Slug(first), Slug(last));
        var local = random.Int(0, 3) switch
        {
            0 => $"{f}.{l}",
            1 => $"{f[0]}{l}",
            2 => $"{f}_{l}",
            _ => $"{l}.{f}",
        };
        return $"{local}{id}@{random.ArrayElement(SeedCatalog.EmailDomains)}";
    }

    /// <summary>Another email for a customer whose own a customer made by a client already holds: the same one, tagged.</summary>
    public static string Retagged(string email, int attempt)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var local = email[..at].Split('+')[0];
        return $"{local}+{attempt}{email[at..]}";
    }

    public Customer Customer(SeedIdentity identity, int storeId, int[]? channels, IReadOnlyList<int> groupIds, DateTime created)
    {
        var (random, faker) = (_details.Random, _details.For(identity.Country));
        var customer = new Customer
        {
            StoreId = storeId,
            Id = identity.Id,
            FirstName = identity.FirstName,
            LastName = identity.LastName,
            Email = identity.Email,
            EmailKey = MatchKey.Of(identity.Email),
            Company = random.Bool(0.35f) ? faker.Company.CompanyName() : "",
            Phone = random.Bool(0.9f) ? faker.Phone.PhoneNumber() : "",
            Notes = random.Bool(0.1f) ? random.ArrayElement(SeedCatalog.Notes) : "",
            RegistrationIpAddress = faker.Internet.Ip(),
            StoreCredit = random.Bool(0.15f) ? random.Int(100, 50_000) / 100m : 0m,
            CustomerGroupId = groupIds.Count > 0 && random.Bool(0.75f) ? groupIds[random.Int(0, groupIds.Count - 1)] : 0,
            AcceptsMarketing = random.Bool(),
            OriginChannelId = ChannelRules.DefaultChannel,
            ChannelIds = channels,
            DateCreated = created,
            DateModified = created,
        };
        customer.SetNames(identity.FirstName, identity.LastName);
        return customer;
    }

    /// <summary>The customer's addresses, in its country, no two the same (V3 would skip a repeat: AddressMappingV3.IdentityOf).</summary>
    public List<CustomerAddress> Addresses(Customer customer, SeedCountry country, int count)
    {
        var (random, faker) = (_details.Random, _details.For(country));
        Countries.TryFindByCode(country.Iso2, out var place);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var addresses = new List<CustomerAddress>(count);
        while (addresses.Count < count)
        {
            var forSomeoneElse = addresses.Count > 0 && random.Bool(0.3f);
            var address = AddressMappingV3.NewAddress(customer.StoreId, 0, customer.Id);
            address.SetNames(forSomeoneElse ? faker.Name.FirstName() : customer.FirstName, forSomeoneElse ? faker.Name.LastName() : customer.LastName);
            address.Company = forSomeoneElse ? "" : customer.Company;
            address.Street1 = faker.Address.StreetAddress();
            address.Street2 = random.Bool(0.25f) ? faker.Address.SecondaryAddress() : "";
            address.City = faker.Address.City();
            address.State = StateOf(country, place, faker);
            address.Zip = faker.Address.ZipCode();
            (address.Country, address.CountryIso2) = place;
            address.Phone = customer.Phone.Length > 0 && !forSomeoneElse ? customer.Phone : faker.Phone.PhoneNumber();
            address.AddressType = random.Bool(0.8f) ? AddressV2FieldsValidator<CreateAddressV2>.Residential : AddressV2FieldsValidator<CreateAddressV2>.Commercial;
            if (seen.Add(AddressMappingV3.IdentityOf(address)))
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    /// <summary>The customer's values: each attribute's about three times in five.</summary>
    public List<CustomerAttributeValue> Values(Customer customer, SeedCountry country, IReadOnlyList<(int Id, SeedAttributeKind Kind)> attributes)
    {
        var (random, faker) = (_details.Random, _details.For(country));
        return attributes.Where(_ => random.Bool(0.6f)).Select(attribute => new CustomerAttributeValue
        {
            StoreId = customer.StoreId,
            CustomerId = customer.Id,
            AttributeId = attribute.Id,
            Value = attribute.Kind.Value(random, faker),
            DateCreated = customer.DateCreated,
            DateModified = customer.DateCreated,
        }).ToList();
    }

    /// <summary>Customer <paramref name="index"/> of <paramref name="count"/>: a few minutes apart, in id order, the last just now.</summary>
    public DateTime CreatedAt(DateTime now, int index, int count) =>
        now.AddSeconds(-(count - 1L - index) * 420 - _details.Random.Int(0, 419));

    private static SeedCountry CountryAt(int weight)
    {
        foreach (var country in SeedCatalog.Countries)
        {
            if ((weight -= country.Weight) <= 0)
            {
                return country;
            }
        }

        return SeedCatalog.Countries[^1];
    }

    private static string StateOf(SeedCountry country, (string Name, string Iso2) place, Faker faker)
    {
        var state = country.State(faker);
        return States.Refusal(place.Iso2, state, place.Name, out var spelled) is { } reason
            ? throw new InvalidOperationException($"The seed catalogue gave a state the API refuses: {reason}")
            : spelled;
    }

    private static string Unique(string name, ISet<string> takenKeys)
    {
        var candidate = name;
        for (var n = 2; !takenKeys.Add(MatchKey.Of(candidate)); n++)
        {
            candidate = $"{name} {n}";
        }

        return candidate;
    }

    /// <summary>Lower-case ASCII letters of a name, for an email; German letters spelled out, the rest left out.</summary>
    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            slug.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ when char.IsAsciiLetterLower(c) => c.ToString(),
                _ => "",
            });
        }

        return slug.Length > 0 ? slug.ToString() : "customer";
    }

    /// <summary>One Randomizer and, sharing it, a Faker per locale (made when first needed).</summary>
    private sealed class Draws(int seed)
    {
        private readonly Dictionary<string, Faker> _fakers = new(StringComparer.Ordinal);

        public Randomizer Random { get; } = new(seed);

        public Faker For(SeedCountry country)
        {
            if (!_fakers.TryGetValue(country.Locale, out var faker))
            {
                faker = new Faker(country.Locale) { Random = Random };
                _fakers.Add(country.Locale, faker);
            }

            return faker;
        }
    }
}
