using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerApi.Bootstrap;
using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Admin.Snapshots;

/// <summary>The snapshot and reset calls, and a store with some of everything in it, made through the public API.</summary>
public static partial class SnapshotCalls
{
    /// <summary>A customer field of each kind a snapshot carries (a password field's values it never does), and an address field.</summary>
    public static readonly FormFieldSeed[] FormFields =
    [
        new() { Name = "Sales Rep" },
        new() { Name = "Interests", Type = "checkboxes", Options = ["Books", "Music", "Film"] },
        new() { Name = "PIN", Type = "password" },
        new() { Name = "Gate code", Type = "numbers", For = "address" },
    ];

    public static async Task<HttpResponseMessage> ResetAsync(this HttpClient admin, string hash) =>
        await admin.PostAsync($"admin/stores/{hash}/reset", null);

    /// <summary>The store's snapshot as sent, after asserting it is a 200 of JSON.</summary>
    public static async Task<string> SnapshotAsync(this HttpClient admin, string hash)
    {
        var response = await admin.GetAsync($"admin/stores/{hash}/snapshot");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return text;
    }

    public static Task<HttpResponseMessage> RestoreAsync(this HttpClient admin, string hash, string snapshot) =>
        admin.PutJsonAsync($"admin/stores/{hash}/snapshot", snapshot);

    /// <summary>The snapshot with <paramref name="change"/> applied, e.g. a row added or broken.</summary>
    public static string Changed(string snapshot, Action<JsonObject> change)
    {
        var document = JsonNode.Parse(snapshot)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    /// <summary>A new store, made as configuration would make it, with <see cref="FormFields"/> and a second channel (2) that keeps its customers to itself.</summary>
    public static async Task<TestStore> NewConfiguredStoreAsync(this ApiFixture api)
    {
        var factory = await api.FactoryAsync();
        var (hash, token) = (TestStore.NewHash(), Guid.NewGuid().ToString("N"));
        await using var scope = factory.Services.CreateAsyncScope();
        var seed = new StoreSeed
        {
            Hash = hash, Tokens = [new TokenSeed { AccessToken = token, Scopes = [Scopes.Customers] }], FormFields = [.. FormFields],
            Channels = [new ChannelSeed { Id = 2, AllowGlobalLogins = false }],
        };
        await StoreBootstrapper.EnsureAsync(scope.ServiceProvider.GetRequiredService<CustomerDbContext>(), [seed], TimeProvider.System, default);
        return new TestStore(factory, hash, token);
    }

    /// <summary>
    /// Fills the store through the public API with some of everything: groups (one with rules, one for guests), customers
    /// (one with a password, one in a group, one only on channel 2, one deleted again so the ids have a gap), addresses,
    /// attributes and their values, consent, metafields, settings, and form field values when the store defines
    /// <see cref="FormFields"/> (but not the PIN's: a password field's value never leaves the store, so a restore cannot
    /// bring it back; the password tests set it).
    /// </summary>
    public static async Task FillAsync(this TestStore store, bool withFormFields = false, bool onChannel2 = false)
    {
        await Created(store.V2.PostJsonAsync("customer_groups", """
            {"name": "Wholesale", "category_access": {"type": "specific", "categories": [3, 5]},
             "discount_rules": [{"type": "all", "method": "percent", "amount": "5"}, {"type": "product", "product_id": 9, "method": "fixed", "amount": "2.5"}]}
            """));
        await Created(store.V2.PostJsonAsync("customer_groups", new { name = "Guests", is_group_for_guests = true }));
        var ada = await store.CreateCustomerAsync("ada@example.com", new
        {
            first_name = "Ada", company = "Engines Ltd", phone = "555-0101", notes = "likes \"quotes\" & <tags>", store_credit = "12.5",
            customer_group_id = 1, tax_exempt_category = "G", registration_ip_address = "10.0.0.1",
            _authentication = new { password = "Correct1horse", password_confirmation = "Correct1horse" },
        });
        var adaId = ada.GetProperty("id").GetInt32();
        var doomed = await store.CreateCustomerAsync("doomed@example.com");
        (await store.V2.DeleteAsync($"customers/{doomed.GetProperty("id").GetInt32()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var bob = await store.CreateCustomerAsync("bob@example.com", new { first_name = "Bob", last_name = "Ng" });
        var bobId = bob.GetProperty("id").GetInt32();
        await Created(store.V2.PostJsonAsync($"customers/{adaId}/addresses", Address("Ada", "United Kingdom", "London")));
        var adaHome = await Created(store.V2.PostJsonAsync($"customers/{adaId}/addresses", Address("Ada", "United States", "Austin")));
        await Created(store.V2.PostJsonAsync($"customers/{bobId}/addresses", Address("Bob", "Germany", "Berlin")));

        var attributes = await store.CreateAttributesAsync(("Shoe size", "number"), ("Nickname", "string"), ("Anniversary", "date"));
        await store.UpsertValuesAsync((adaId, attributes[0], "38.5"), (adaId, attributes[1], "Countess"), (bobId, attributes[2], "2020-02-29"));
        await Ok(store.V3.PutJsonAsync($"customers/{adaId}/consent", """{"allow": ["essential", "analytics"], "deny": ["targeting"]}"""));
        await Ok(store.V3.PostJsonAsync($"customers/{adaId}/metafields",
            new { permission_set = "app_only", @namespace = "Warehouse", key = "bin", value = "A-7", description = "Where her orders wait" }));
        await Ok(store.V3.PostJsonAsync($"customers/{bobId}/metafields", new { permission_set = "read", @namespace = "Warehouse", key = "bin", value = "B-1" }));
        await Ok(store.V3.PutJsonAsync("customers/settings", new
        {
            privacy_settings = new { ask_shopper_for_tracking_consent = true, policy_url = "https://example.com/privacy" },
            customer_group_settings = new { default_customer_group_id = 1 },
        }));

        if (onChannel2)
        {
            await Ok(store.V3.PutJsonAsync("customers/settings/channels/2", new
            {
                privacy_settings = new { policy_url = "https://example.com/channel-2" }, customer_group_settings = new { guest_customer_group_id = 2 },
            }));
            await Ok(store.V3.PostJsonAsync("customers",
                """[{"first_name": "Cy", "last_name": "Two", "email": "cy@example.com", "origin_channel_id": 2, "channel_ids": [2]}]"""));
        }

        if (withFormFields)
        {
            await Ok(store.V3.PutJsonAsync("customers/form-field-values", $$"""
                [{"customer_id": {{adaId}}, "name": "Sales Rep", "value": "Ann"},
                 {"customer_id": {{adaId}}, "name": "Interests", "value": ["Music", "Books"]},
                 {"address_id": {{adaHome.GetProperty("id").GetInt32()}}, "name": "Gate code", "value": 1234}]
                """));
        }
    }

    /// <summary>What the public API answers about the store, URL by URL: what a restored store must answer alike.</summary>
    public static async Task<Dictionary<string, string>> PublicAnswersAsync(this TestStore store, bool onChannel2 = false)
    {
        string[] v2 = ["customers?limit=250", "customers/count", "customer_groups", "customers/1/addresses", "customers/3/addresses"];
        string[] v3 =
        [
            "customers?include=addresses,storecredit,attributes,formfields&limit=250", "customers/attributes", "customers/attribute-values",
            "customers/addresses", "customers/1/consent", "customers/metafields", "customers/settings", "customers/form-field-values",
        ];
        var answers = new Dictionary<string, string>();
        foreach (var (client, urls) in new[] { (store.V2, v2), (store.V3, onChannel2 ? [.. v3, "customers/settings/channels/2"] : v3) })
        {
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (url.EndsWith("/consent", StringComparison.Ordinal))
                {
                    // Consent's updated_at is the time of the read (the API keeps no time of its own), so it is left out.
                    body = ConsentReadTime().Replace(body, "\"updated_at\":\"(read time)\"");
                }

                answers[$"{client.BaseAddress}{url}"] = $"{(int)response.StatusCode} {body}";
            }
        }

        return answers;
    }

    /// <summary>Asserts the same answers URL by URL, showing where the first one that differs parts from the other.</summary>
    public static void ShouldAnswerAlike(this Dictionary<string, string> actual, Dictionary<string, string> expected)
    {
        actual.Keys.ShouldBe(expected.Keys);
        foreach (var (url, body) in expected)
        {
            ShouldBeText(actual[url], body, $"GET {url}");
        }
    }

    /// <summary>Asserts equal JSON documents (the same values, however escaped), showing where they part when they do not.</summary>
    public static void ShouldBeJson(this string actual, string expected)
    {
        if (!JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected)))
        {
            ShouldBeText(JsonNode.Parse(actual)!.ToJsonString(), JsonNode.Parse(expected)!.ToJsonString(), "the snapshot");
        }
    }

    private static void ShouldBeText(string actual, string expected, string what)
    {
        if (actual == expected)
        {
            return;
        }

        var at = 0;
        while (at < actual.Length && at < expected.Length && actual[at] == expected[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 200);
        throw new ShouldAssertException($"{what} differs from character {at}:\n expected ...{Around(expected, from)}\n actual   ...{Around(actual, from)}");
    }

    private static string Around(string text, int from) => text.Length <= from ? "" : text.Substring(from, Math.Min(400, text.Length - from));

    private static object Address(string name, string country, string city) => new
    {
        first_name = name, last_name = "Lovelace", street_1 = "1 High St", city, state = "Somewhere", zip = "12345", country, phone = "555-0199",
    };

    private static async Task<JsonElement> Created(Task<HttpResponseMessage> call) => await (await call).ShouldBeAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call) => await (await call).ShouldBeAsync(HttpStatusCode.OK);

    [GeneratedRegex("\"updated_at\":\"[^\"]*\"")]
    private static partial Regex ConsentReadTime();
}
