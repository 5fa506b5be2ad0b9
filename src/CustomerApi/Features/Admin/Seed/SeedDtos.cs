using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Features.Admin.Seed;

/// <summary>What to make; every field may be left out (<see cref="SeedRequestValidator"/> has the defaults and bounds).</summary>
public sealed class SeedRequest : IHasExtraFields
{
    public int? Customers { get; init; }
    public int? AddressesPerCustomer { get; init; }
    public int? Groups { get; init; }
    public int? Attributes { get; init; }

    /// <summary>The same seed and request on an empty store make the same data.</summary>
    public int? Seed { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

/// <summary>What was made: how many of each, and the ids the customers, groups and attributes were given.</summary>
public sealed record SeedSummary(
    int Seed,
    int Customers,
    int Addresses,
    int Groups,
    int Attributes,
    int AttributeValues,
    int? FirstCustomerId,
    int? LastCustomerId,
    IReadOnlyList<int> GroupIds,
    IReadOnlyList<int> AttributeIds);
