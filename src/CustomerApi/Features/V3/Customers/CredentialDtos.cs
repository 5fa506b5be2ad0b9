using System.Text.Json.Serialization;

namespace CustomerApi.Features.V3.Customers;

/// <summary>The body of <c>POST /customers/validate-credentials</c> (spec: ValidateCustomerCredentialsObject).</summary>
public sealed class ValidateCredentialsV3
{
    public string? Email { get; init; }
    public string? Password { get; init; }

    /// <summary>The channel to log in to; channel 1 when absent.</summary>
    public int? ChannelId { get; init; }
}

/// <summary>
/// The answer, bare (not in <c>data</c>): <c>{"is_valid":true,"customer_id":1}</c>, or <c>{"is_valid":false}</c> with
/// no <c>customer_id</c> as BigCommerce's recorded answers have it (V3 doc 3.1).
/// </summary>
public sealed record CredentialsCheckV3(
    bool IsValid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CustomerId);
