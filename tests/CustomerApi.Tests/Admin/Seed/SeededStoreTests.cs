using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Seed;

/// <summary>A seeded store, judged by the public API's own lists, counts, filters and validation.</summary>
public abstract class SeededStoreTests(ApiFixture api)
{
    private static readonly object Plan = new { customers = 120, addresses_per_customer = 2, groups = 4, attributes = 6, seed = 7 };

    [Fact]
    public async Task The_summary_tells_what_was_made_and_the_ids_of_the_customers()
    {
        var store = await api.NewSeededStoreAsync(Plan);

        var summary = store.Summary;
        summary.GetProperty("customers").GetInt32().ShouldBe(120);
        summary.GetProperty("addresses").GetInt32().ShouldBe(240);
        summary.GetProperty("groups").GetInt32().ShouldBe(4);
        summary.GetProperty("attributes").GetInt32().ShouldBe(6);
        summary.GetProperty("attribute_values").GetInt32().ShouldBeInRange(1, 120 * 6);
        summary.GetProperty("first_customer_id").GetInt32().ShouldBe(1);
        summary.GetProperty("last_customer_id").GetInt32().ShouldBe(120);
        summary.GetProperty("group_ids").EnumerateArray().Select(g => g.GetInt32()).ShouldBe([1, 2, 3, 4]);
        summary.GetProperty("seed").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task Counts_and_list_pages_add_up_in_V2_and_V3()
    {
        var store = await api.NewSeededStoreAsync(Plan);

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(120);
        var listed = await store.V2.AllV2Async("customers", limit: 50);
        listed.Select(c => c.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(1, 120));
        var (_, total) = await store.V3.AllV3Async("customers");
        total.ShouldBe(120);
        var (addresses, addressTotal) = await store.V3.AllV3Async("customers/addresses");
        addressTotal.ShouldBe(240);
        addresses.GroupBy(a => a.GetProperty("customer_id").GetInt32()).ShouldAllBe(g => g.Count() == 2);
        (await store.V2.GetFromJsonCountAsync("?customer_group_id=0")).ShouldBeLessThan(120);
    }

    [Fact]
    public async Task Each_customer_has_its_addresses_and_a_group_of_the_store()
    {
        var store = await api.NewSeededStoreAsync(Plan);

        var groups = (await store.V2.AllV2Async("customer_groups")).Select(g => g.GetProperty("id").GetInt32()).ToHashSet();
        groups.Count.ShouldBe(4);
        (await (await store.V2.GetAsync("customer_groups/count")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32().ShouldBe(4);
        var customers = await store.V2.AllV2Async("customers");
        foreach (var customer in customers)
        {
            var id = customer.GetProperty("id").GetInt32();
            var count = await (await store.V2.GetAsync($"customers/{id}/addresses/count")).ShouldBeAsync(HttpStatusCode.OK);
            count.GetProperty("count").GetInt32().ShouldBe(2, $"customer {id}");
            var group = customer.GetProperty("customer_group_id").GetInt32();
            (group == 0 || groups.Contains(group)).ShouldBeTrue($"customer {id} is in group {group}");
        }

        customers.Count(c => c.GetProperty("customer_group_id").GetInt32() != 0).ShouldBeGreaterThan(60);
    }

    [Fact]
    public async Task Each_email_is_one_customers_and_the_email_filter_finds_it()
    {
        var store = await api.NewSeededStoreAsync(Plan);

        var emails = (await store.V2.AllV2Async("customers")).Select(c => c.GetProperty("email").GetString()!).ToList();
        emails.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(120);
        foreach (var email in emails.Take(10))
        {
            var found = await (await store.V2.GetAsync($"customers?email={Uri.EscapeDataString(email)}")).ShouldBeAsync(HttpStatusCode.OK);
            found.GetArrayLength().ShouldBe(1);
            (await store.V2.GetFromJsonCountAsync($"?email={Uri.EscapeDataString(email.ToUpperInvariant())}")).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Filters_find_seeded_dates_and_credits_as_the_lists_show_them()
    {
        var store = await api.NewSeededStoreAsync(Plan);

        var customers = await store.V2.AllV2Async("customers");
        var middle = customers[60].GetProperty("date_created").GetString()!;
        (await store.V2.GetFromJsonCountAsync($"?min_date_created={Uri.EscapeDataString(middle)}")).ShouldBe(60);
        var credited = customers.First(c => c.GetProperty("store_credit").GetString() != "0.0000");
        var credit = credited.GetProperty("store_credit").GetString()!;
        var sameCredit = customers.Count(c => c.GetProperty("store_credit").GetString() == credit);
        (await store.V2.GetFromJsonCountAsync($"?store_credit={credit}")).ShouldBe(sameCredit);
    }

    [Fact]
    public async Task Seeded_customers_and_addresses_put_back_unchanged_pass_the_apis_validation()
    {
        var store = await api.NewSeededStoreAsync(Plan);

        foreach (var customer in (await store.V2.AllV2Async("customers")).Take(20))
        {
            var id = customer.GetProperty("id").GetInt32();
            await (await store.V2.PutJsonAsync($"customers/{id}", customer)).ShouldBeAsync(HttpStatusCode.OK);
        }

        // One address of each country seeded, through V2 (country by name) and V3 (states of US, CA and AU spelled out).
        var (addresses, _) = await store.V3.AllV3Async("customers/addresses");
        var byCountry = addresses.GroupBy(a => a.GetProperty("country_code").GetString()).Select(g => g.First()).ToList();
        byCountry.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var address in byCountry)
        {
            var (id, customerId) = (address.GetProperty("id").GetInt32(), address.GetProperty("customer_id").GetInt32());
            var v2 = await (await store.V2.GetAsync($"customers/{customerId}/addresses/{id}")).ShouldBeAsync(HttpStatusCode.OK);
            var put = await (await store.V2.PutJsonAsync($"customers/{customerId}/addresses/{id}", v2)).ShouldBeAsync(HttpStatusCode.OK);
            put.ToString().ShouldBe(v2.ToString());
            var v3 = new
            {
                id, address1 = address.GetProperty("address1").GetString(), state_or_province = address.GetProperty("state_or_province").GetString(),
                country_code = address.GetProperty("country_code").GetString(), postal_code = address.GetProperty("postal_code").GetString(),
            };
            await (await store.V3.PutJsonAsync("customers/addresses", new[] { v3 })).ShouldBeAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Attributes_of_every_type_hold_values_their_type_accepts()
    {
        var store = await api.NewSeededStoreAsync(Plan);

        var (attributes, total) = await store.V3.AllV3Async("customers/attributes");
        total.ShouldBe(6);
        attributes.Select(a => a.GetProperty("type").GetString()).Distinct().Order().ShouldBe(["date", "number", "string"]);
        var (values, valueTotal) = await store.V3.AllV3Async("customers/attribute-values");
        valueTotal.ShouldBe(store.Summary.GetProperty("attribute_values").GetInt32());

        // The API's own upsert judges each value against its attribute's type: the same values again are all accepted.
        foreach (var batch in values.GroupBy(v => v.GetProperty("customer_id").GetInt32()).Take(30).Chunk(10))
        {
            var items = batch.SelectMany(g => g).Select(v => new
            {
                attribute_id = v.GetProperty("attribute_id").GetInt32(), customer_id = v.GetProperty("customer_id").GetInt32(),
                value = v.GetProperty("attribute_value").GetString(),
            }).ToList();
            var upserted = await (await store.V3.PutJsonAsync("customers/attribute-values", items)).ShouldBeAsync(HttpStatusCode.OK);
            upserted.GetProperty("data").GetArrayLength().ShouldBe(items.Count);
        }
    }
}

public sealed class SeededStoreTests_Sqlite(SqliteApi api) : SeededStoreTests(api), IClassFixture<SqliteApi>;

public sealed class SeededStoreTests_Postgres(PostgresApi api) : SeededStoreTests(api), IClassFixture<PostgresApi>;
