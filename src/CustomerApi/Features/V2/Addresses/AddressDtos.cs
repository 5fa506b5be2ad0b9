using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V2.Addresses;

/// <summary>A V2 customer address, field by field in BigCommerce's order (behaviour doc 3.10).</summary>
public sealed class AddressV2
{
    public int Id { get; init; }
    public int CustomerId { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string Company { get; init; }

    [JsonPropertyName("street_1")]
    public required string Street1 { get; init; }

    [JsonPropertyName("street_2")]
    public required string Street2 { get; init; }

    public required string City { get; init; }
    public required string State { get; init; }
    public required string Zip { get; init; }
    public required string Country { get; init; }
    public required string CountryIso2 { get; init; }
    public required string Phone { get; init; }
    public required string AddressType { get; init; }
}

/// <summary>The writable fields of a V2 address; absent (or null) means "leave as it is" (or, on create, the default).</summary>
public abstract class AddressV2Fields : IHasExtraFields
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }

    [JsonPropertyName("street_1")]
    public string? Street1 { get; init; }

    [JsonPropertyName("street_2")]
    public string? Street2 { get; init; }

    public string? City { get; init; }
    public string? State { get; init; }
    public string? Zip { get; init; }
    public string? Country { get; init; }
    public string? Phone { get; init; }
    public string? AddressType { get; init; }

    /// <summary>Everything else that was sent: read-only fields are ignored, anything unknown is refused.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

public sealed class CreateAddressV2 : AddressV2Fields;

public sealed class UpdateAddressV2 : AddressV2Fields;

/// <summary>
/// The query of <c>GET/DELETE /customers/{id}/addresses</c> and <c>GET .../count</c>: only <c>page</c> and <c>limit</c>
/// (the spec lists them on all three; they page the list and are otherwise ignored).
/// </summary>
public sealed record AddressQueryV2 : IPaged, IQueryFilter
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { "page", "limit" };

    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    public required HttpRequest Request { get; init; }
}
