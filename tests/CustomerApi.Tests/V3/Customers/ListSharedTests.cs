using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V2.CustomerGroups;
using CustomerApi.Tests.V3.AttributeValues;
using static CustomerApi.Tests.V3.Customers.CustomerListV3;

namespace CustomerApi.Tests.V3.Customers;

/// <summary><c>GET /v3/customers</c> lists the store's own customers, those V2 made as well as V3's, and nobody else's.</summary>
public abstract class ListSharedTests(ApiFixture api)
{
    [Fact]
    public async Task A_customer_created_through_V2_is_listed_with_the_same_id_and_its_fields_mapped()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(1);
        await store.PostCustomersV3Async(NewCustomer("first@example.com"));
        var v2 = await store.CreateCustomerAsync("Ann.Lee@Example.com", new
        {
            first_name = "Ann", last_name = "Lee", company = "Acme", phone = "555-0100", notes = "VIP", tax_exempt_category = "G",
            customer_group_id = 1, store_credit = 12.5, reset_pass_on_login = true, registration_ip_address = "10.0.0.7",
        });
        await store.PostCustomersV3Async(NewCustomer("third@example.com"));

        var body = await store.ListV3Async("include=storecredit");

        v2.GetProperty("id").GetInt32().ShouldBe(2);
        body.ListedIds().ShouldBe([1, 2, 3]);
        var ann = body.Data()[1];
        ann.GetProperty("id").GetInt32().ShouldBe(2);
        ann.GetProperty("email").GetString().ShouldBe("Ann.Lee@Example.com");
        ann.GetProperty("first_name").GetString().ShouldBe("Ann");
        ann.GetProperty("last_name").GetString().ShouldBe("Lee");
        ann.GetProperty("company").GetString().ShouldBe("Acme");
        ann.GetProperty("phone").GetString().ShouldBe("555-0100");
        ann.GetProperty("notes").GetString().ShouldBe("VIP");
        ann.GetProperty("tax_exempt_category").GetString().ShouldBe("G");
        ann.GetProperty("customer_group_id").GetInt32().ShouldBe(1);
        ann.GetProperty("registration_ip_address").GetString().ShouldBe("10.0.0.7");
        ann.GetProperty("authentication").GetRawText().ShouldBe("""{"force_password_reset":true}""");
        ann.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":12.5}]""");
        ann.GetProperty("accepts_product_review_abandoned_cart_emails").GetBoolean().ShouldBe(v2.GetProperty("accepts_marketing").GetBoolean());
        ann.GetProperty("origin_channel_id").GetInt32().ShouldBe(1);
        ann.GetProperty("channel_ids").ValueKind.ShouldBe(JsonValueKind.Null);
        ann.Instant("date_created").ShouldBe(V2Instant(v2, "date_created"));
        ann.Instant("date_modified").ShouldBe(V2Instant(v2, "date_modified"));
        (await store.ListedIdsAsync("email:in=ann.lee%40example.com&customer_group_id:in=1&registration_ip_address:in=10.0.0.7")).ShouldBe([2]);
    }

    [Fact]
    public async Task Changes_made_through_either_API_show_in_the_other()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("ann@example.com", new { first_name = "Ann", last_name = "Lee" });

        (await store.V3.PutJsonAsync(Url, new[]
        {
            new { id = 1, accepts_product_review_abandoned_cart_emails = true, authentication = new { force_password_reset = true } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterV3 = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        (await store.V2.PutJsonAsync("customers/1", new { store_credit = "3.25", reset_pass_on_login = false, last_name = "Ray" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterV2 = (await store.ListV3Async("include=storecredit")).Data().ShouldHaveSingleItem();

        afterV3.GetProperty("accepts_marketing").GetBoolean().ShouldBeTrue();
        afterV3.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        afterV2.GetProperty("accepts_product_review_abandoned_cart_emails").GetBoolean().ShouldBeTrue();
        afterV2.GetProperty("authentication").GetProperty("force_password_reset").GetBoolean().ShouldBeFalse();
        afterV2.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":3.25}]""");
        afterV2.GetProperty("last_name").GetString().ShouldBe("Ray");
        (await store.ListedIdsAsync("name:in=ann%20ray")).ShouldBe([1]);
    }

    /// <summary>The unfiltered total is the store's kept count: it follows creates and deletes of either API, as a filtered count does.</summary>
    [Fact]
    public async Task The_total_follows_creates_and_deletes_through_either_API()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(4);
        await store.CreateV3CustomersAsync("Five", "Six", "Seven", "Eight");
        (await store.V2.DeleteAsync("customers/2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V2.DeleteAsync("customers?min_id=7")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await store.DeleteV3CustomersAsync(3, 5, 99);
        await store.CreateV3CustomersAsync("Nine");

        foreach (var query in new[] { "", "limit=1", "include=storecredit&sort=last_name:desc", "id:in=" + string.Join(',', Enumerable.Range(1, 10)) })
        {
            var body = await store.ListV3Async(query);
            body.Pagination().GetProperty("total").GetInt32().ShouldBe(4, query);
        }

        (await store.ListedIdsAsync()).ShouldBe([1, 4, 6, 9]);
    }

    [Fact]
    public async Task Another_stores_customers_and_what_hangs_on_them_are_never_listed()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateCustomerAsync("mine@example.com", new { first_name = "Mine", last_name = "Only" });
        await other.CreateCustomersAsync(3);
        await other.CreateAddressAsync(1);
        (await other.CreateAttributesAsync(("Tier", "string"))).ShouldBe([1]);
        await other.UpsertValuesAsync((1, 1, "gold"));
        (await other.V2.PutJsonAsync("customers/1", new { store_credit = 9 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var all = await store.ListV3Async("include=addresses,attributes,storecredit");
        var filtered = await store.ListV3Async("id:in=1,2,3&include=addresses");
        var byEmail = await store.ListV3Async("email:in=customer2%40example.com");
        var page2 = await store.ListV3Async("limit=1&page=2");

        all.ListedIds().ShouldBe([1]);
        var mine = all.Data().Single();
        mine.GetProperty("email").GetString().ShouldBe("mine@example.com");
        mine.GetProperty("addresses").GetRawText().ShouldBe("[]");
        mine.GetProperty("attributes").GetRawText().ShouldBe("[]");
        mine.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":0}]""");
        all.Pagination().GetProperty("total").GetInt32().ShouldBe(1);
        filtered.ListedIds().ShouldBe([1]);
        filtered.Pagination().GetProperty("total").GetInt32().ShouldBe(1);
        byEmail.Data().ShouldBeEmpty();
        page2.Data().ShouldBeEmpty();
        page2.Pagination().GetProperty("total").GetInt32().ShouldBe(1);
        var otherAll = await other.ListV3Async("include=addresses");
        otherAll.ListedIds().ShouldBe([1, 2, 3]);
        otherAll.Data()[0].GetProperty("addresses").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_cursor_of_another_store_lists_only_this_stores_rows()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateCustomersAsync(2);
        await other.CreateCustomersAsync(4);
        var otherEnd = (await other.ListV3Async("limit=1")).CursorPagination().GetProperty("end_cursor").GetString()!;

        var body = await store.ListV3Async($"after={Uri.EscapeDataString(otherEnd)}");

        body.ListedIds().ShouldBe([2]);
        body.Data().Single().GetProperty("email").GetString().ShouldBe("customer2@example.com");
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("customers?include=addresses")]
    [InlineData("customers?id:in=1")]
    public async Task Another_stores_token_or_none_is_401(string url)
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateCustomersAsync(1);
        await other.CreateCustomersAsync(1);

        await (await store.V3With(other.Token).GetAsync(url)).ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        await (await store.V3With(null).GetAsync(url)).ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        (await store.ListedIdsAsync()).ShouldBe([1]);
    }

    [Fact]
    public async Task A_read_only_token_lists_customers()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only")); // before the store's tokens are cached
        await store.CreateCustomersAsync(2);

        var body = await (await readOnly.GetAsync("customers")).ShouldBeAsync(HttpStatusCode.OK);

        body.ListedIds().ShouldBe([1, 2]);
    }

    private static DateTime V2Instant(JsonElement customer, string field) =>
        DateTime.ParseExact(customer.GetProperty(field).GetString()!, "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

public sealed class ListSharedTests_Sqlite(SqliteApi api) : ListSharedTests(api), IClassFixture<SqliteApi>;

public sealed class ListSharedTests_Postgres(PostgresApi api) : ListSharedTests(api), IClassFixture<PostgresApi>;
