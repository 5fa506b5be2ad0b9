using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Json;

namespace CustomerApi.Features.V3.Consent;

/// <summary>
/// A customer's consent as V3 answers it, bare rather than in <c>data</c> (spec: consent_Resp is consent_Full). Its
/// <c>updated_at</c> is the time of the call, as the spec says BigCommerce answers it ("returns the time of the current
/// API Call, not the time of last update").
/// </summary>
public sealed record ConsentV3(
    IReadOnlyList<string> Allow,
    IReadOnlyList<string> Deny,
    [property: JsonConverter(typeof(Iso8601DateConverter))] DateTime UpdatedAt);

/// <summary>The body of <c>PUT /customers/{id}/consent</c> (spec: DeclareCustomerConsentRequest): the whole consent; a list left out is empty.</summary>
public sealed class DeclareConsentV3
{
    public List<string?>? Allow { get; init; }
    public List<string?>? Deny { get; init; }
}
