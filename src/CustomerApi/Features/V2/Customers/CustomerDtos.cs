using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Json;

namespace CustomerApi.Features.V2.Customers;

/// <summary>A V2 customer, field by field in BigCommerce's order (behaviour doc 3.1). Never carries a password.</summary>
public sealed class CustomerV2
{
    public int Id { get; init; }
    public required string Company { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    /// <summary>Every form field the store defines for customers, null when it defines none (CustomerFormFieldsV2).</summary>
    public IReadOnlyList<FormFieldV2>? FormFields { get; set; }

    [JsonConverter(typeof(Rfc2822DateConverter))]
    public DateTime DateCreated { get; init; }

    [JsonConverter(typeof(Rfc2822DateConverter))]
    public DateTime DateModified { get; init; }

    [JsonConverter(typeof(V2MoneyConverter))]
    public decimal StoreCredit { get; init; }

    public required string RegistrationIpAddress { get; init; }
    public int CustomerGroupId { get; init; }
    public required string Notes { get; init; }
    public required string TaxExemptCategory { get; init; }
    public bool ResetPassOnLogin { get; init; }
    public bool AcceptsMarketing { get; init; }

    /// <summary>Filled from the request's host after the query; see <see cref="CustomerLinks"/>.</summary>
    public ResourceLinkV2 Addresses { get; set; } = null!;
}

public sealed record FormFieldV2(string Name, string? Value);

public sealed record ResourceLinkV2(string Url, string Resource);

public sealed record CountV2(int Count);

public sealed record PasswordValidationV2(bool Success);

/// <summary>The writable fields of a V2 customer; absent (or null) means "leave as it is".</summary>
public abstract class CustomerV2Fields
{
    public string? Company { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    [JsonConverter(typeof(V2MoneyConverter))]
    public decimal? StoreCredit { get; init; }

    public string? RegistrationIpAddress { get; init; }
    public int? CustomerGroupId { get; init; }
    public string? Notes { get; init; }
    public string? TaxExemptCategory { get; init; }
    public bool? ResetPassOnLogin { get; init; }

    [JsonPropertyName("_authentication")]
    public AuthenticationV2? Authentication { get; init; }

    /// <summary>Everything else that was sent: read-only fields are ignored, anything unknown is refused.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

public sealed class CreateCustomerV2 : CustomerV2Fields;

public sealed class UpdateCustomerV2 : CustomerV2Fields;

/// <summary><c>_authentication</c>: write-only, never returned.</summary>
public sealed class AuthenticationV2
{
    public string? Password { get; init; }
    public string? PasswordConfirmation { get; init; }
    public bool? ForceReset { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}

public sealed class ValidatePasswordV2
{
    public string? Password { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; init; }
}
