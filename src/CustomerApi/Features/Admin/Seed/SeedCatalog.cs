using System.Globalization;
using Bogus;
using CustomerApi.Data.Entities;

namespace CustomerApi.Features.Admin.Seed;

/// <summary>
/// A country seeded customers live in: Bogus's locale for their names, phones and streets, and how that locale names
/// the state. US, Canadian and Australian states come from Bogus spelled out, as V3's address rules want them
/// (States); the others are free text, but never empty.
/// </summary>
public sealed record SeedCountry(string Iso2, string Locale, int Weight, Func<Faker, string> State);

/// <summary>A customer attribute seeded stores get, with a value for it that fits its type (AttributeValueTypes).</summary>
public sealed record SeedAttributeKind(string Name, string Type, Func<Randomizer, Faker, string> Value);

/// <summary>The lists seeded data is picked from. Order matters: picks are by position, so changing a list changes seeded data.</summary>
public static class SeedCatalog
{
    public static readonly SeedCountry[] Countries =
    [
        new("US", "en_US", 55, f => f.Address.State()),
        new("CA", "en_CA", 15, f => f.Address.State()),
        new("GB", "en_GB", 15, f => f.Address.County()),
        new("AU", "en_AU", 10, f => f.Address.State()),
        new("DE", "de", 5, f => f.Address.State()),
    ];

    public static readonly string[] EmailDomains = ["example.com", "example.net", "example.org"];

    public static readonly string[] GroupKinds =
    [
        "Retail", "Wholesale", "Trade", "VIP", "Loyalty", "Staff", "Education", "Nonprofit",
        "Government", "Reseller", "Distributor", "Partner", "Corporate", "Healthcare", "Hospitality", "Student",
    ];

    public static readonly string[] GroupTiers = ["", "Bronze", "Silver", "Gold", "Platinum"];

    public static readonly string[] Notes =
    [
        "Prefers contact by email.", "Asked for paper invoices.", "Tax exemption certificate on file.",
        "Ships to a business address on weekdays.", "Long-standing customer; handle with care.", "Requested the spring catalogue.",
    ];

    /// <summary>Three lists, one per type, taken in turn (string, number, date) so a store gets attributes of every type.</summary>
    public static readonly SeedAttributeKind[][] AttributesByType =
    [
        [
            new("Favourite colour", AttributeTypes.Text, (_, f) => f.Commerce.Color()),
            new("Preferred contact method", AttributeTypes.Text, (r, _) => r.ArrayElement(["email", "phone", "sms", "post"])),
            new("Referral source", AttributeTypes.Text, (r, _) => r.ArrayElement(["Search engine", "A friend", "Social media", "Newsletter", "Podcast", "In store"])),
            new("Job title", AttributeTypes.Text, (_, f) => f.Name.JobTitle()),
            new("Clothing size", AttributeTypes.Text, (r, _) => r.ArrayElement(["XS", "S", "M", "L", "XL", "XXL"])),
            new("Loyalty card", AttributeTypes.Text, (r, _) => r.Replace("LC-####-####")),
            new("Preferred store", AttributeTypes.Text, (_, f) => f.Address.City()),
            new("Favourite department", AttributeTypes.Text, (_, f) => f.Commerce.Department(1)),
        ],
        [
            new("Shoe size", AttributeTypes.Number, (r, _) => Number(r.Int(35, 47))),
            new("Household size", AttributeTypes.Number, (r, _) => Number(r.Int(1, 6))),
            new("Loyalty points", AttributeTypes.Number, (r, _) => Number(r.Int(0, 20_000))),
            new("Orders last year", AttributeTypes.Number, (r, _) => Number(r.Int(0, 40))),
            new("Credit limit", AttributeTypes.Number, (r, _) => Number(r.Int(5, 200) * 100)),
            new("Satisfaction rating", AttributeTypes.Number, (r, _) => (r.Int(10, 50) / 10m).ToString("0.0", CultureInfo.InvariantCulture)),
            new("Children", AttributeTypes.Number, (r, _) => Number(r.Int(0, 4))),
            new("Average basket", AttributeTypes.Number, (r, _) => (r.Int(1_000, 50_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture)),
        ],
        [
            new("Birthday", AttributeTypes.Date, (r, _) => Day(r, 1945, 2006)),
            new("Member since", AttributeTypes.Date, (r, _) => Day(r, 2010, 2024)),
            new("Anniversary", AttributeTypes.Date, (r, _) => Day(r, 1975, 2024)),
            new("Last store visit", AttributeTypes.Date, (r, _) => Instant(r, 2023, 2025)),
            new("Subscription renews", AttributeTypes.Date, (r, _) => Day(r, 2025, 2027)),
            new("First purchase", AttributeTypes.Date, (r, _) => Day(r, 2012, 2024)),
            new("Newsletter signup", AttributeTypes.Date, (r, _) => Instant(r, 2015, 2025)),
            new("Warranty expires", AttributeTypes.Date, (r, _) => Day(r, 2025, 2030)),
        ],
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Dates come from fixed years, never from the clock, so they are the same on every run.
    private static DateTime Moment(Randomizer random, int fromYear, int toYear)
    {
        var first = new DateTime(fromYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var days = (int)(new DateTime(toYear, 12, 31, 0, 0, 0, DateTimeKind.Utc) - first).TotalDays;
        return first.AddDays(random.Int(0, days)).AddSeconds(random.Int(0, 86_399));
    }

    private static string Day(Randomizer random, int fromYear, int toYear) =>
        Moment(random, fromYear, toYear).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(Randomizer random, int fromYear, int toYear) =>
        Moment(random, fromYear, toYear).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
