using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V3.Customers;
using static CustomerApi.Tests.V3.FormFieldValues.FormFieldCalls;

namespace CustomerApi.Tests.V3.FormFieldValues;

/// <summary>
/// <c>GET /v3/customers/form-field-values</c>: the values the store holds (a field with no value has no row), by value id,
/// filtered and paged by number or by cursor like <c>GET /v3/customers</c>.
/// </summary>
public abstract class FormFieldValueListTests(ApiFixture api)
{
    /// <summary>The values of <see cref="StoreWithValuesAsync"/>, in the order they were written (so of their ids).</summary>
    private static readonly string[] Listed =
    [
        """{"customer_id":1,"name":"Sales Rep","value":"Ann"}""",
        """{"customer_id":2,"name":"Sales Rep","value":"Bob"}""",
        """{"address_id":1,"name":"Gate code","value":42}""",
        """{"customer_id":1,"name":"Employees","value":12.5}""",
        """{"customer_id":1,"name":"PIN","value":""}""",
        """{"customer_id":2,"name":"Interests","value":["Music","Books"]}""",
        """{"address_id":2,"name":"Delivery notes","value":"Back door"}""",
        """{"customer_id":1,"name":"Contact by","value":"Phone"}""",
    ];

    /// <summary>Customers 1 and 2 with addresses 1 and 2 (one each), and the eight values of <see cref="Listed"/>.</summary>
    private async Task<TestStore> StoreWithValuesAsync()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        (await store.NewCustomerAsync("one@example.com")).ShouldBe(1);
        (await store.NewCustomerAsync("two@example.com")).ShouldBe(2);
        (await store.CreateAddressAsync(1)).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.CreateAddressAsync(2)).GetProperty("id").GetInt32().ShouldBe(2);
        await store.UpsertAsync(
            OfCustomer(1, "Sales Rep", "Ann"),
            OfCustomer(2, "Sales Rep", "Bob"),
            OfAddress(1, "Gate code", "42"),
            OfCustomer(1, "Employees", 12.5),
            OfCustomer(1, "PIN", "secret"),
            OfCustomer(2, "Interests", Chosen("music", "Books")),
            OfAddress(2, "Delivery notes", "Back door"),
            OfCustomer(1, "Contact by", "phone"));
        return store;
    }

    [Fact]
    public async Task Values_are_listed_by_id_with_their_owner_first_numbers_as_numbers_options_as_spelled_and_passwords_empty()
    {
        var store = await StoreWithValuesAsync();

        var body = await store.ValuesAsync();

        body.Raw().ShouldBe(Listed);
        body.Data()[3].GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Number);
        body.MetaKeys().ShouldBe(["pagination", "cursor_pagination"]);
        body.Pagination().GetRawText().ShouldBe(
            """{"total":8,"count":8,"per_page":50,"current_page":1,"total_pages":1,"links":{"current":"?page=1&limit=50"}}""");
        body.CursorPagination().GetProperty("links").GetRawText().ShouldBe("{}");
    }

    [Theory]
    [InlineData("customer_id=1", new[] { "c1 Sales Rep", "c1 Employees", "c1 PIN", "c1 Contact by" })]
    [InlineData("customer_id=2", new[] { "c2 Sales Rep", "c2 Interests" })]
    [InlineData("customer_id=3", new string[0])]
    [InlineData("address_id=1", new[] { "a1 Gate code" })]
    [InlineData("address_id=2", new[] { "a2 Delivery notes" })]
    [InlineData("address_id=9", new string[0])]
    [InlineData("field_name=Sales%20Rep", new[] { "c1 Sales Rep", "c2 Sales Rep" })]
    [InlineData("field_name=sALES+rep", new[] { "c1 Sales Rep", "c2 Sales Rep" })]
    [InlineData("field_name=gate%20CODE", new[] { "a1 Gate code" })]
    [InlineData("field_name=Nickname", new string[0])]
    [InlineData("field_name=Licence", new string[0])] // defined, but nobody has a value
    [InlineData("field_type=numbers", new[] { "a1 Gate code", "c1 Employees" })]
    [InlineData("field_type=password", new[] { "c1 PIN" })]
    [InlineData("field_type=multiline", new[] { "a2 Delivery notes" })]
    [InlineData("field_type=date", new string[0])]
    [InlineData("customer_id=1&field_type=text", new[] { "c1 Sales Rep" })]
    [InlineData("customer_id=2&field_name=interests", new[] { "c2 Interests" })]
    [InlineData("customer_id=2&field_type=radiobuttons", new string[0])]
    [InlineData("address_id=1&field_type=numbers&field_name=Gate%20code", new[] { "a1 Gate code" })]
    [InlineData("customer_id=1&address_id=1", new string[0])]
    [InlineData("customer_id=1&limit=2&page=2", new[] { "c1 PIN", "c1 Contact by" })]
    public async Task Each_filter_alone_and_together_narrows_the_list(string query, string[] expected)
    {
        var store = await StoreWithValuesAsync();

        var body = await store.ValuesAsync("?" + query);

        body.Labels().ShouldBe(expected);
        body.Pagination().GetProperty("total").GetInt32().ShouldBe(query.Contains("limit=2", StringComparison.Ordinal) ? 4 : expected.Length);
    }

    [Theory]
    [InlineData("customer_id:in=1", "customer_id:in")]
    [InlineData("id=1", "id")]
    [InlineData("include=formfields", "include")]
    [InlineData("customer_id=0", "customer_id", "customer_id")]
    [InlineData("customer_id=x", "customer_id", "customer_id")]
    [InlineData("address_id=-1", "address_id", "address_id")]
    [InlineData("field_type=bogus", "field_type", "field_type")]
    [InlineData("field_type=Text", "field_type", "field_type")]
    [InlineData("limit=0", "limit", "limit")]
    [InlineData("page=0", "page", "page")]
    [InlineData("after=garbage!", "after", "after")]
    [InlineData("before=eyJpZCI6LTF9", "before", "before")] // {"id":-1}: before id 0, the place before every value, there is none
    [InlineData("customer_id=1&sort=id:asc", "sort")]
    public async Task An_unknown_or_bad_filter_is_422(string query, string names, params string[] badValues)
    {
        var store = await StoreWithValuesAsync();

        await (await store.V3.GetAsync($"{Url}?{query}")).ShouldBeBadFilterAsync(names, badValues);
    }

    [Fact]
    public async Task Before_the_first_value_is_an_empty_page_whose_next_link_gives_every_value()
    {
        var store = await StoreWithValuesAsync();
        var all = await store.ValuesAsync("?customer_id=1");
        var start = Uri.EscapeDataString(all.CursorPagination().GetProperty("start_cursor").GetString()!);

        var before = await store.ValuesAsync($"?customer_id=1&before={start}");

        before.Data().ShouldBeEmpty();
        before.CursorPagination().GetProperty("links").Keys().ShouldBe(["next"]);
        (await store.ValuesAsync(before.CursorPagination().GetProperty("links").GetProperty("next").GetString()!)).Labels().ShouldBe(all.Labels());
    }

    [Fact]
    public async Task Before_together_with_after_is_422()
    {
        var store = await StoreWithValuesAsync();
        var cursors = (await store.ValuesAsync("?limit=2")).CursorPagination();
        var (start, end) = (Uri.EscapeDataString(cursors.GetProperty("start_cursor").GetString()!), Uri.EscapeDataString(cursors.GetProperty("end_cursor").GetString()!));

        await (await store.V3.GetAsync($"{Url}?after={end}&before={start}")).ShouldBeBadFilterAsync("before", "before");
    }

    [Fact]
    public async Task Pages_by_number_carry_both_metas_on_the_first_only_and_a_page_past_the_end_is_empty()
    {
        var store = await StoreWithValuesAsync();

        var first = await store.ValuesAsync("?limit=3");
        var second = await store.ValuesAsync("?limit=3&page=2");
        var third = await store.ValuesAsync("?limit=3&page=3");
        var beyond = await store.ValuesAsync("?limit=3&page=9");

        first.Raw().ShouldBe(Listed[..3]);
        first.MetaKeys().ShouldBe(["pagination", "cursor_pagination"]);
        first.Pagination().GetRawText().ShouldBe(
            """{"total":8,"count":3,"per_page":3,"current_page":1,"total_pages":3,"links":{"current":"?page=1&limit=3","next":"?page=2&limit=3"}}""");
        var cursors = first.CursorPagination();
        cursors.Keys().ShouldBe(["count", "per_page", "start_cursor", "end_cursor", "links"]);
        cursors.GetProperty("count").GetInt32().ShouldBe(3);
        cursors.GetProperty("links").Keys().ShouldBe(["next"]);
        second.Raw().ShouldBe(Listed[3..6]);
        second.MetaKeys().ShouldBe(["pagination"]);
        second.Pagination().GetProperty("links").GetRawText()
            .ShouldBe("""{"previous":"?page=1&limit=3","current":"?page=2&limit=3","next":"?page=3&limit=3"}""");
        third.Raw().ShouldBe(Listed[6..]);
        third.Pagination().GetProperty("links").Keys().ShouldBe(["previous", "current"]);
        beyond.Data().ShouldBeEmpty();
        beyond.MetaKeys().ShouldBe(["pagination"]);
        beyond.Pagination().GetProperty("total").GetInt32().ShouldBe(8);
        beyond.Pagination().GetProperty("current_page").GetInt32().ShouldBe(9);
    }

    [Fact]
    public async Task A_limit_over_250_is_taken_as_250()
    {
        var store = await StoreWithValuesAsync();

        var body = await store.ValuesAsync("?limit=1000");

        body.Raw().ShouldBe(Listed);
        body.Pagination().GetProperty("per_page").GetInt32().ShouldBe(250);
        body.CursorPagination().GetProperty("per_page").GetInt32().ShouldBe(250);
    }

    [Fact]
    public async Task A_store_without_values_or_fields_lists_one_empty_page()
    {
        var store = await api.NewStoreAsync();
        await store.NewCustomerAsync();

        var body = await store.ValuesAsync();

        body.GetRawText().ShouldBe(
            """{"data":[],"meta":{"pagination":{"total":0,"count":0,"per_page":50,"current_page":1,"total_pages":1,"links":{"current":"?page=1&limit=50"}},"cursor_pagination":{"count":0,"per_page":50,"links":{}}}}""");
        (await store.ValuesAsync("?field_name=Bio&field_type=text&customer_id=1")).Data().ShouldBeEmpty();
    }

    /// <summary>Seven values of customer 1, each followed by one of customer 2, so the filter leaves gaps in the ids.</summary>
    [Fact]
    public async Task A_cursor_walk_forward_and_back_lists_each_filtered_value_once_with_the_filter_carried_in_its_links()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.NewCustomerAsync("one@example.com");
        await store.NewCustomerAsync("two@example.com");
        string[] names = ["Sales Rep", "Bio", "Employees", "Birthday", "Interests", "Contact by", "Shirt size"];
        await store.UpsertAsync([.. names.SelectMany(name => new[] { OfCustomer(1, name, GoodValues[name]), OfCustomer(2, name, GoodValues[name]) })]);
        const string Filter = "customer_id=1";

        var forward = new List<JsonElement> { await store.ValuesAsync($"?{Filter}&limit=3") };
        forward[0].MetaKeys().ShouldBe(["pagination", "cursor_pagination"]);
        forward[0].Pagination().GetProperty("total").GetInt32().ShouldBe(7);
        while (forward[^1].CursorLink("next", Filter) is { } next)
        {
            forward.Count.ShouldBeLessThan(10, "the walk does not end");
            forward.Add(await store.ValuesAsync("?" + next));
            forward[^1].MetaKeys().ShouldBe(["cursor_pagination"]);
        }

        var back = new List<JsonElement> { forward[^1] };
        while (back[^1].CursorLink("previous", Filter) is { } previous)
        {
            back.Count.ShouldBeLessThan(10, "the walk does not end");
            back.Add(await store.ValuesAsync("?" + previous));
            back[^1].MetaKeys().ShouldBe(["cursor_pagination"]);
        }

        string[][] pages = [["Sales Rep", "Bio", "Employees"], ["Birthday", "Interests", "Contact by"], ["Shirt size"]];
        forward.Select(p => p.Labels()).ShouldBe(pages.Select(p => p.Select(n => $"c1 {n}").ToArray()));
        back.Select(p => p.Labels()).ShouldBe(forward.Select(p => p.Labels()).Reverse());
        forward[^1].CursorPagination().GetProperty("links").Keys().ShouldBe(["previous"]);
        back[1].CursorPagination().GetProperty("links").Keys().ShouldBe(["previous", "next"]);
        back[^1].CursorPagination().GetProperty("links").Keys().ShouldBe(["next"]);
        back[^1].CursorPagination().GetProperty("count").GetInt32().ShouldBe(3);
        back[^1].CursorPagination().GetProperty("per_page").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_cursor_past_every_value_gives_an_empty_page_whose_previous_link_gives_the_values()
    {
        var store = await StoreWithValuesAsync();
        var end = Uri.EscapeDataString((await store.ValuesAsync("?customer_id=1")).CursorPagination().GetProperty("end_cursor").GetString()!);

        var after = await store.ValuesAsync($"?customer_id=1&after={end}");

        after.Data().ShouldBeEmpty();
        after.MetaKeys().ShouldBe(["cursor_pagination"]);
        after.CursorPagination().GetProperty("links").Keys().ShouldBe(["previous"]);
        var previous = after.CursorPagination().GetProperty("links").GetProperty("previous").GetString()!;
        previous.ShouldEndWith("&customer_id=1");
        (await store.ValuesAsync(previous)).Labels().ShouldBe(["c1 Sales Rep", "c1 Employees", "c1 PIN", "c1 Contact by"]);
        (await store.ValuesAsync($"?customer_id=2&after={end}")).Labels().ShouldBe([]); // customer 2's values lie behind the cursor
        (await store.ValuesAsync($"?customer_id=3&after={end}")).GetRawText()
            .ShouldBe("""{"data":[],"meta":{"cursor_pagination":{"count":0,"per_page":50,"links":{}}}}""");
    }

    [Fact]
    public async Task Values_set_by_V3_customer_and_address_writes_are_listed_and_follow_their_changes()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        var created = await store.CreateV3Async(CustomerWriteCalls.Customer("ann@example.com", new
        {
            form_fields = Fields(("bio", "Hi"), ("PIN", "1234"), ("Shirt size", "medium")),
            addresses = new[] { CustomerWriteCalls.Address(extra: new { form_fields = Fields(("Gate code", 7)) }) },
        }));
        var addressId = created[0].GetProperty("addresses")[0].GetProperty("id").GetInt32();

        (await store.ValuesAsync("?customer_id=1")).Raw().ShouldBe(
        [
            """{"customer_id":1,"name":"Bio","value":"Hi"}""",
            """{"customer_id":1,"name":"PIN","value":""}""",
            """{"customer_id":1,"name":"Shirt size","value":"Medium"}""",
        ], ignoreOrder: true);
        (await store.ValuesAsync($"?address_id={addressId}")).Raw().ShouldBe([$$"""{"address_id":{{addressId}},"name":"Gate code","value":7}"""]);

        await store.UpdateV3Async(new { id = 1, form_fields = Fields(("Bio", ""), ("Shirt size", "Large")) });
        (await store.V3.PutJsonAsync("customers/addresses", new[] { new { id = addressId, form_fields = Fields(("Gate code", "8")) } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await store.ValuesAsync("?customer_id=1")).Labels().ShouldBe(["c1 PIN", "c1 Shirt size"], ignoreOrder: true);
        (await store.ValuesAsync("?field_name=shirt%20size")).Raw().ShouldBe(["""{"customer_id":1,"name":"Shirt size","value":"Large"}"""]);
        (await store.ValuesAsync($"?address_id={addressId}")).Raw().ShouldBe([$$"""{"address_id":{{addressId}},"name":"Gate code","value":8}"""]);
    }

    [Fact]
    public async Task Another_store_never_sees_nor_writes_this_stores_values()
    {
        var store = await StoreWithValuesAsync();
        var other = await api.NewStoreWithEveryTypeAsync();
        (await other.NewCustomerAsync("own@example.com")).ShouldBe(1);
        await other.UpsertAsync(OfCustomer(1, "Sales Rep", "Other"));
        var before = await store.ValuesTextAsync();

        (await other.ValuesAsync()).Raw().ShouldBe(["""{"customer_id":1,"name":"Sales Rep","value":"Other"}"""]);
        (await other.ValuesAsync("?customer_id=2")).Data().ShouldBeEmpty();
        (await other.ValuesAsync("?address_id=1")).Data().ShouldBeEmpty();
        await (await other.PutValuesAsync(OfCustomer(2, "Bio", "taken"))).ShouldBeRefusedAsync(UpsertFailed, ("0.customer_id", "Customer 2 does not exist."));
        await (await other.PutValuesAsync(OfAddress(1, "Gate code", 1))).ShouldBeRefusedAsync(UpsertFailed, ("0.address_id", "Customer address 1 does not exist."));
        (await store.V3With(other.Token).GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await store.V3With(other.Token).PutJsonAsync(Url, new[] { OfCustomer(1, "Bio", "taken") })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await store.ValuesTextAsync()).ShouldBe(before);
        (await store.ValuesAsync()).Raw().ShouldBe(Listed);
        (await other.ValuesAsync()).Raw().ShouldBe(["""{"customer_id":1,"name":"Sales Rep","value":"Other"}"""]);
    }
}

public sealed class FormFieldValueListTests_Sqlite(SqliteApi api) : FormFieldValueListTests(api), IClassFixture<SqliteApi>;

public sealed class FormFieldValueListTests_Postgres(PostgresApi api) : FormFieldValueListTests(api), IClassFixture<PostgresApi>;
