using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3;

/// <summary>
/// Consent and stored instruments held against the spec: <c>GET/PUT /customers/{customerId}/consent</c> answer
/// consent_Resp (consent_Full, bare: allow and deny lists of consentAllow's categories, each once, and updated_at) and
/// take the spec's own DeclareCustomerConsentRequest example; <c>/customers/{customerId}/stored-instruments</c> answers
/// a bare array.
/// </summary>
public abstract partial class V3SpecConformanceTests
{
    private const string ConsentPath = "/customers/{customerId}/consent";
    private const string StoredInstrumentsPath = "/customers/{customerId}/stored-instruments";

    [Fact]
    public async Task Consent_read_and_declared_is_a_bare_consent_Full_of_the_specs_categories()
    {
        var consent = Spec.Properties("consent_Full");
        consent.Keys.Order().ShouldBe(["allow", "deny", "updated_at"]);
        Spec.PropertiesAt(["components", "responses", "consent_Resp", .. JsonSchema]).Keys.Order().ShouldBe(consent.Keys.Order());
        foreach (var method in new[] { "get", "put" })
        {
            Spec.ScalarAt("paths", ConsentPath, method, "responses", "200", "$ref").ShouldBe("#/components/responses/consent_Resp");
        }

        Spec.ScalarAt("components", "schemas", "consent_Full", "properties", "updated_at", "format").ShouldBe("date-time");
        var categories = Spec.ScalarsAt("components", "schemas", "consentAllow", "items", "enum");
        Spec.ScalarsAt("components", "schemas", "Deny", "items", "enum").ShouldBe(categories);
        foreach (var list in new[] { "consentAllow", "Deny" })
        {
            Spec.ScalarAt("components", "schemas", list, "uniqueItems").ShouldBe("true");
        }

        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("ann@example.com");
        await store.CreateCustomerAsync("bob@example.com");

        var fresh = await (await store.V3.GetAsync("customers/1/consent")).ShouldBeAsync(HttpStatusCode.OK);
        var declared = await (await store.V3.PutJsonAsync("customers/1/consent", """{"allow":["targeting","essential","functional"],"deny":["analytics"]}"""))
            .ShouldBeAsync(HttpStatusCode.OK);
        var read = await (await store.V3.GetAsync("customers/1/consent")).ShouldBeAsync(HttpStatusCode.OK);
        var specExample = await (await store.V3.PutJsonAsync("customers/2/consent", """{"allow":["essential"],"deny":[]}""")).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var (body, allow, deny) in new (JsonElement, int, int)[] { (fresh, 0, 0), (declared, 3, 1), (read, 3, 1), (specExample, 1, 0) })
        {
            body.TryGetProperty("data", out _).ShouldBeFalse($"consent_Resp is not wrapped in data: {body}");
            ShouldMatch(body, consent, optional: []);
            body.Instant("updated_at");
            foreach (var (name, count) in new[] { ("allow", allow), ("deny", deny) })
            {
                var items = body.GetProperty(name).EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToArray();
                items.Length.ShouldBe(count, $"{name} of {body}");
                items.ShouldBeSubsetOf(categories, $"{name} of {body}");
                items.ShouldBeUnique($"{name} of {body}");
            }
        }
    }

    [Fact]
    public async Task Stored_instruments_are_the_bare_array_the_spec_answers()
    {
        Spec.ScalarAt(["paths", StoredInstrumentsPath, "get", "responses", "200", .. JsonSchema, "type"]).ShouldBe("array");
        var store = await api.NewStoreAsync("store_stored_payment_instruments_read_only");
        var customers = store.V2With(await store.NewTokenAsync("store_v2_customers"));
        (await customers.PostJsonAsync("customers", new { first_name = "Ann", last_name = "Lee", email = "ann@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var body = await (await store.V3.GetAsync("customers/1/stored-instruments")).ShouldBeAsync(HttpStatusCode.OK);

        body.ValueKind.ShouldBe(JsonValueKind.Array);
        body.GetArrayLength().ShouldBe(0);
    }
}
