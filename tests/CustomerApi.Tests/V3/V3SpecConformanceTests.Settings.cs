using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;

namespace CustomerApi.Tests.V3;

/// <summary>
/// Settings held against the spec: <c>/customers/settings</c> answers CustomerSettingsObject, a channel's
/// CustomerChannelSettingsObject, each in <c>data</c> with an empty <c>meta</c>. A channel's null is "no override"
/// (spec: the channel GET's notes, and BigCommerce's own answer, V3 doc 3.3), though the schema marks nothing nullable.
/// </summary>
public abstract partial class V3SpecConformanceTests
{
    [Theory]
    [InlineData("customers/settings", "CustomerSettingsObject", false)]
    [InlineData("customers/settings/channels/1", "CustomerChannelSettingsObject", true)]
    public async Task Settings_got_and_put_have_the_fields_and_types_of_their_spec_schema(string url, string schema, bool nullMeansInherited)
    {
        var store = await api.NewStoreAsync();
        var group = (await store.CreateGroupAsync("Wholesale")).GetProperty("id").GetInt32();
        var got = await (await store.V3.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);
        var put = await (await store.V3.PutJsonAsync(url, new
        {
            privacy_settings = new { ask_shopper_for_tracking_consent = true, policy_url = "https://example.com/policy" },
            customer_group_settings = new { guest_customer_group_id = group, default_customer_group_id = 0 },
        })).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var body in new[] { got, put })
        {
            body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
            body.GetProperty("meta").EnumerateObject().ShouldBeEmpty();
            var data = body.GetProperty("data");
            var declared = Spec.Properties(schema);
            data.EnumerateObject().Select(p => p.Name).Order().ShouldBe(declared.Keys.Order(), $"{data}");
            foreach (var part in new[] { "privacy_settings", "customer_group_settings" })
            {
                var fields = Spec.PropertiesAt("components", "schemas", schema, "properties", part);
                var answered = data.GetProperty(part);
                // ask_shopper_for_tracking_consent_on_checkout: in the spec's examples and BigCommerce's answers, not in its schema.
                answered.EnumerateObject().Select(p => p.Name).Except(["ask_shopper_for_tracking_consent_on_checkout"]).Order()
                    .ShouldBe(fields.Keys.Order(), $"{answered}");
                foreach (var (name, (type, nullable)) in fields)
                {
                    BigCommerceSpec.ShouldHaveType(answered.GetProperty(name), type, nullable || nullMeansInherited, $"{part}.{name}");
                }
            }

            if (nullMeansInherited)
            {
                data.GetProperty("allow_global_logins").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
            }
        }
    }
}
