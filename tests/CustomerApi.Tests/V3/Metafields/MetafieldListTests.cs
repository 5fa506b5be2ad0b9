using System.Globalization;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.Customers;
using static CustomerApi.Tests.V3.Metafields.MetafieldCalls;

namespace CustomerApi.Tests.V3.Metafields;

/// <summary>
/// <c>GET /customers/{customerId}/metafields</c> and <c>GET /customers/metafields</c>: each filter alone, the order,
/// <c>include_fields</c>, the date bounds, page numbers and cursors with their meta, and the 422 of a bad value.
/// </summary>
public abstract class MetafieldListTests(ApiFixture api)
{
    private const string Customer1 = "customers/1/metafields";

    /// <summary>
    /// Customers 1 and 2 with 1 c1 Prefs/colour, 2 c1 Prefs/size, 3 c1 Other/colour, 4 c2 Prefs/colour, 5 c2 Extra/note.
    /// </summary>
    private async Task<TestStore> ListedStoreAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CustomersAsync(2)).ShouldBe([1, 2]);
        await (await store.V3.PostJsonAsync(BatchUrl, new[]
        {
            Item(1, "colour", "red", "Prefs"), Item(1, "size", "L", "Prefs"), Item(1, "colour", "green", "Other"),
            Item(2, "colour", "blue", "Prefs"), Item(2, "note", "hi", "Extra"),
        })).ShouldBeMetafieldsWrittenAsync(5);
        return store;
    }

    /// <summary>A query, the ids customer 1's list answers, and the ids the store-wide list answers.</summary>
    public static TheoryData<string, int[], int[]> Filters => new()
    {
        { "", [1, 2, 3], [1, 2, 3, 4, 5] },
        { "key=colour", [1, 3], [1, 3, 4] },
        { "key=size", [2], [2] },
        { "key:in=size,note", [2], [2, 5] },
        { "key:in=colour", [1, 3], [1, 3, 4] },
        { "namespace=Prefs", [1, 2], [1, 2, 4] },
        { "namespace:in=Other,Extra", [3], [3, 5] },
        { "namespace:in=Prefs", [1, 2], [1, 2, 4] },
        { "key=colour&namespace=Prefs", [1], [1, 4] },
        { "key=nobody", [], [] },
        { "direction=asc", [1, 2, 3], [1, 2, 3, 4, 5] },
        { "direction=desc", [3, 2, 1], [5, 4, 3, 2, 1] },
        { "direction=desc&namespace=Prefs", [2, 1], [4, 2, 1] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_selects_the_same_metafields_per_customer_and_store_wide(string query, int[] ofCustomer1, int[] ofStore)
    {
        var store = await ListedStoreAsync();

        var customer = await store.V3.ListAsync(Customer1, query);
        var all = await store.V3.ListAsync(BatchUrl, query);

        customer.MetafieldIds().ShouldBe(ofCustomer1, query);
        customer.Pagination().GetProperty("total").GetInt32().ShouldBe(ofCustomer1.Length, query);
        all.MetafieldIds().ShouldBe(ofStore, query);
        all.Pagination().GetProperty("total").GetInt32().ShouldBe(ofStore.Length, query);
        foreach (var metafield in all.Data())
        {
            metafield.ShouldHaveShape();
        }
    }

    [Fact]
    public async Task A_listed_metafield_is_the_one_read_alone()
    {
        var store = await ListedStoreAsync();

        var listed = (await store.V3.ListAsync(BatchUrl, "key=note")).Data().ShouldHaveSingleItem();

        listed.GetRawText().ShouldBe((await store.V3.MetafieldAsync(2, 5)).GetRawText());
        (listed.Text("namespace"), listed.Text("value"), listed.GetProperty("resource_id").GetInt32()).ShouldBe(("Extra", "hi", 2));
    }

    [Theory]
    [InlineData("customers/1/metafields")]
    [InlineData(BatchUrl)]
    public async Task Include_fields_answers_the_id_and_only_the_fields_named(string url)
    {
        var store = await ListedStoreAsync();

        var keyAndValue = (await store.V3.ListAsync(url, "include_fields=key,value")).Data();
        var owner = (await store.V3.ListAsync(url, "include_fields=owner_client_id")).Data();
        var dated = (await store.V3.ListAsync(url, "include_fields=date_created&key=size")).Data();

        keyAndValue.Length.ShouldBe(url == BatchUrl ? 5 : 3);
        foreach (var metafield in keyAndValue)
        {
            metafield.Keys().Order(StringComparer.Ordinal).ShouldBe(["id", "key", "value"]);
        }

        (keyAndValue[1].Id(), keyAndValue[1].Text("key"), keyAndValue[1].Text("value")).ShouldBe((2, "size", "L"));
        foreach (var metafield in owner)
        {
            metafield.Keys().ShouldBe(["id", "owner_client_id"], ignoreOrder: true);
        }

        owner.Select(m => m.Text("owner_client_id")).Distinct().ShouldHaveSingleItem().ShouldMatch("^[0-9a-f]{30}$");
        var sized = dated.ShouldHaveSingleItem();
        sized.Keys().Order(StringComparer.Ordinal).ShouldBe(["date_created", "id"]);
        sized.Offset("date_created");
    }

    /// <summary>
    /// Metafield 1 created at T0 and changed at T2, metafield 2 created at T1, at least two seconds apart, so bounds
    /// between them select the same rows whether a bound is inclusive or not.
    /// </summary>
    [Theory]
    [InlineData("customers/1/metafields")]
    [InlineData(BatchUrl)]
    public async Task Date_filters_bound_created_and_modified_separately(string url)
    {
        var store = await api.NewStoreAsync();
        await store.CustomersAsync(1);
        var first = await store.CreateMetafieldAsync(1, "first");
        await Task.Delay(2100); // dates have whole seconds
        var second = await store.CreateMetafieldAsync(1, "second");
        await Task.Delay(2100);
        var changed = (await (await store.V3.PutJsonAsync(Url(1, 1), new { value = "changed" })).ShouldBeMetafieldsWrittenAsync(1)).Single();
        var (t0, t1, t2) = (first.Offset("date_created"), second.Offset("date_created"), changed.Offset("date_modified"));
        t1.ShouldBeGreaterThanOrEqualTo(t0.AddSeconds(2));
        t2.ShouldBeGreaterThanOrEqualTo(t1.AddSeconds(2));
        static string Iso(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        static string Z(DateTime at) => Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (afterT0, afterT1) = (t0.AddSeconds(1), t1.AddSeconds(1));

        foreach (var (query, ids) in new (string, int[])[]
        {
            ($"date_created:min={Iso(afterT0)}", [2]),
            ($"date_created:min={Z(afterT0)}", [2]),
            ($"date_created:max={Iso(afterT0)}", [1]),
            ($"date_created:max={Z(afterT0)}", [1]),
            ($"date_modified:min={Iso(afterT1)}", [1]),
            ($"date_modified:max={Iso(afterT1)}", [2]),
            ($"date_created:max={Iso(afterT0)}&date_modified:min={Iso(afterT1)}", [1]),
            ($"date_created:min={Iso(afterT0)}&date_modified:min={Iso(afterT1)}", []),
            ($"date_created:min={Iso(t0.AddSeconds(-10))}", [1, 2]),
            ($"date_created:min={Day(t0.AddDays(1))}", []),
            ($"date_modified:max={Day(t0.AddDays(-1))}", []),
            ($"date_created:min={Day(t0.AddDays(-1))}", [1, 2]),
        })
        {
            var body = await store.V3.ListAsync(url, query);
            body.MetafieldIds().ShouldBe(ids, query);
            body.Pagination().GetProperty("total").GetInt32().ShouldBe(ids.Length, query);
        }
    }

    [Theory]
    [InlineData("customers/1/metafields")]
    [InlineData(BatchUrl)]
    public async Task Pages_of_a_limit_carry_the_customer_list_pagination(string url)
    {
        var store = await api.NewStoreAsync();
        await store.CustomersAsync(1);
        await (await store.V3.PostJsonAsync(BatchUrl, Enumerable.Range(1, 5).Select(i => Item(1, $"k{i}")).ToArray())).ShouldBeMetafieldsWrittenAsync(5);

        var first = await store.V3.ListAsync(url, "limit=2");
        var second = await store.V3.ListAsync(url, "limit=2&page=2");
        var last = await store.V3.ListAsync(url, "limit=2&page=3");
        var whole = await store.V3.ListAsync(url);

        first.MetafieldIds().ShouldBe([1, 2]);
        first.Pagination().GetRawText().ShouldBe(
            """{"total":5,"count":2,"per_page":2,"current_page":1,"total_pages":3,"links":{"current":"?page=1&limit=2","next":"?page=2&limit=2"}}""");
        second.MetafieldIds().ShouldBe([3, 4]);
        second.Pagination().GetRawText().ShouldBe(
            """{"total":5,"count":2,"per_page":2,"current_page":2,"total_pages":3,"links":{"previous":"?page=1&limit=2","current":"?page=2&limit=2","next":"?page=3&limit=2"}}""");
        last.MetafieldIds().ShouldBe([5]);
        last.Pagination().GetProperty("count").GetInt32().ShouldBe(1);
        last.Pagination().GetProperty("links").Keys().ShouldBe(["previous", "current"]);
        whole.MetafieldIds().ShouldBe([1, 2, 3, 4, 5]);
        whole.Pagination().GetRawText().ShouldBe(
            """{"total":5,"count":5,"per_page":50,"current_page":1,"total_pages":1,"links":{"current":"?page=1&limit=50"}}""");
        (await store.V3.ListAsync(url, "limit=2&page=9")).Data().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("customers/1/metafields")]
    [InlineData(BatchUrl)]
    public async Task A_cursor_walk_lists_every_metafield_once_forward_and_back(string url)
    {
        var store = await api.NewStoreAsync();
        await store.CustomersAsync(1);
        await (await store.V3.PostJsonAsync(BatchUrl, Enumerable.Range(1, 5).Select(i => Item(1, $"k{i}")).ToArray())).ShouldBeMetafieldsWrittenAsync(5);
        static string Cursor(JsonElement page, string name) => Uri.EscapeDataString(page.CursorPagination().Text(name));

        var first = await store.V3.ListAsync(url, "limit=2");
        var second = await store.V3.ListAsync(url, $"limit=2&after={Cursor(first, "end_cursor")}");
        var third = await store.V3.ListAsync(url, $"limit=2&after={Cursor(second, "end_cursor")}");
        var back = await store.V3.ListAsync(url, $"limit=2&before={Cursor(third, "start_cursor")}");

        first.MetafieldIds().ShouldBe([1, 2]);
        first.MetaKeys().ShouldContain("cursor_pagination");
        second.MetafieldIds().ShouldBe([3, 4]);
        second.MetaKeys().ShouldBe(["cursor_pagination"]);
        second.CursorPagination().GetProperty("count").GetInt32().ShouldBe(2);
        second.CursorPagination().GetProperty("per_page").GetInt32().ShouldBe(2);
        third.MetafieldIds().ShouldBe([5]);
        back.MetafieldIds().ShouldBe([3, 4]);
        (await store.V3.IdsAsync(url, $"limit=2&direction=desc&after={Uri.EscapeDataString(
            (await store.V3.ListAsync(url, "limit=2&direction=desc")).CursorPagination().Text("end_cursor"))}")).ShouldBe([3, 2]);
    }

    [Theory]
    [InlineData("customers/1/metafields", "")]
    [InlineData(BatchUrl, "")]
    [InlineData(BatchUrl, "&direction=desc")]
    public async Task Before_the_first_metafield_is_an_empty_page_whose_next_link_gives_every_one(string url, string direction)
    {
        var store = await ListedStoreAsync();
        var all = await store.V3.ListAsync(url, direction.TrimStart('&'));
        var start = Uri.EscapeDataString(all.CursorPagination().Text("start_cursor"));

        var before = await store.V3.ListAsync(url, $"before={start}{direction}");

        before.Data().ShouldBeEmpty();
        before.CursorPagination().GetProperty("links").Keys().ShouldBe(["next"]);
        (await store.V3.IdsAsync(url, before.CursorPagination().GetProperty("links").GetProperty("next").GetString()![1..])).ShouldBe(all.MetafieldIds());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("direction=up", "direction")]
    [InlineData("direction=DESCENDING", "direction")]
    [InlineData("include_fields=colour", "include_fields")]
    [InlineData("include_fields=key,password", "include_fields")]
    [InlineData("date_created:min=yesterday", "date_created:min")]
    [InlineData("date_created:max=2024-13-45", "date_created:max")]
    [InlineData("date_modified:min=soon", "date_modified:min")]
    [InlineData("date_modified:max=2024-02-30", "date_modified:max")]
    [InlineData("after=garbage!", "after")]
    [InlineData("before=not-a-cursor", "before")]
    public async Task A_bad_filter_value_is_422_naming_the_filter_with_a_reason_on_both_lists(string query, string name)
    {
        var store = await ListedStoreAsync();

        await (await store.V3.GetAsync($"{Customer1}?{query}")).ShouldBeBadFilterAsync(name, name);
        await (await store.V3.GetAsync($"{BatchUrl}?{query}")).ShouldBeBadFilterAsync(name, name);
        (await store.V3.IdsAsync(BatchUrl)).ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task An_empty_list_answers_200_with_no_data_per_customer_and_store_wide()
    {
        var store = await ListedStoreAsync();
        await store.CustomersAsync(1);

        var empty = await store.V3.ListAsync(Url(3));

        empty.Data().ShouldBeEmpty();
        empty.Pagination().GetProperty("total").GetInt32().ShouldBe(0);
        (await store.V3.ListAsync(BatchUrl, "namespace=None")).Pagination().GetProperty("total").GetInt32().ShouldBe(0);
        (await store.V3.IdsAsync(Url(2))).ShouldBe([4, 5]);
    }

}

public sealed class MetafieldListTests_Sqlite(SqliteApi api) : MetafieldListTests(api), IClassFixture<SqliteApi>;

public sealed class MetafieldListTests_Postgres(PostgresApi api) : MetafieldListTests(api), IClassFixture<PostgresApi>;
