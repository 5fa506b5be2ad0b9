using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.AttributeValues.ValueSetup;

namespace CustomerApi.Tests.V3.AttributeValues;

public abstract class ListTests(ApiFixture api)
{
    /// <summary>
    /// Customers 1 to 3, attributes 1 Nickname, 2 Age, 3 Birthday, and values (ids 1 to 6):
    /// 1 (c1 Nickname Jo), 2 (c1 Age 30), 3 (c2 Age 41), 4 (c2 Birthday 1983-02-01), 5 (c3 Nickname Sam), 6 (c3 Birthday 1990-07-15).
    /// </summary>
    private async Task<TestStore> ListedStoreAsync()
    {
        var store = await api.SeededStoreAsync();
        await store.CreateCustomerAsync("customer3@example.com");
        var data = await store.UpsertValuesAsync(
            (1, Nickname, "Jo"), (1, Age, "30"), (2, Age, "41"), (2, Birthday, "1983-02-01"), (3, Nickname, "Sam"), (3, Birthday, "1990-07-15"));
        data.Select(v => v.GetProperty("id").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6]);
        return store;
    }

    public static TheoryData<string, int[]> FilterCases => new()
    {
        { "", [1, 2, 3, 4, 5, 6] },
        { "customer_id:in=1", [1, 2] },
        { "customer_id:in=2,3", [3, 4, 5, 6] },
        { "customer_id:in=3,1", [1, 2, 5, 6] },
        { "customer_id:in=1,1", [1, 2] },
        { "customer_id:in=1,99", [1, 2] },
        { "customer_id:in=4", [] },
        { "attribute_id:in=2", [2, 3] },
        { "attribute_id:in=1,3", [1, 4, 5, 6] },
        { "attribute_id:in=4", [] },
        { "customer_id:in=2&attribute_id:in=2", [3] },
        { "customer_id:in=1,3&attribute_id:in=1", [1, 5] },
        { "customer_id:in=1&attribute_id:in=3", [] },
        { "name=Age", [2, 3] },
        { "name=age", [2, 3] },
        { "name=BIRTHDAY", [4, 6] },
        { "name=Ag", [] },
        { "name=Nope", [] },
        { "name=nickname&customer_id:in=3", [5] },
        { "name=Age&attribute_id:in=1", [] },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Filters_select_exactly_the_matching_values_ordered_by_id(string query, int[] ids)
    {
        var store = await ListedStoreAsync();

        var body = await store.ListAsync(query);

        body.Data().Select(v => v.GetProperty("id").GetInt32()).ShouldBe(ids, query);
        body.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(ids.Length, query);
    }

    [Fact]
    public async Task Listed_values_have_the_full_shape()
    {
        var store = await ListedStoreAsync();

        var values = await store.ValuesAsync("customer_id:in=2");

        values.Length.ShouldBe(2);
        values[0].ShouldBeValue(3, customerId: 2, Age, "41");
        values[1].ShouldBeValue(4, customerId: 2, Birthday, "1983-02-01");
    }

    [Fact]
    public async Task An_empty_list_is_the_v3_envelope_with_one_page_and_only_a_current_link()
    {
        var store = await api.SeededStoreAsync();

        var body = await store.ListAsync();

        body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        body.Data().ShouldBeEmpty();
        ShouldBePage(body, total: 0, count: 0, perPage: 50, page: 1, pages: 1, previous: null, current: "?page=1&limit=50", next: null);
    }

    [Fact]
    public async Task Pages_carry_counts_and_links_to_the_pages_that_exist()
    {
        var store = await ListedStoreAsync();

        var first = await store.ListAsync("limit=4");
        first.Data().Select(Id).ShouldBe([1, 2, 3, 4]);
        ShouldBePage(first, total: 6, count: 4, perPage: 4, page: 1, pages: 2, previous: null, current: "?page=1&limit=4", next: "?page=2&limit=4");

        var second = await store.ListAsync("page=2&limit=4");
        second.Data().Select(Id).ShouldBe([5, 6]);
        ShouldBePage(second, total: 6, count: 2, perPage: 4, page: 2, pages: 2, previous: "?page=1&limit=4", current: "?page=2&limit=4", next: null);

        var middle = await store.ListAsync("page=2&limit=2&customer_id:in=1,2,3");
        middle.Data().Select(Id).ShouldBe([3, 4]);
        ShouldBePage(middle, total: 6, count: 2, perPage: 2, page: 2, pages: 3, previous: "?page=1&limit=2", current: "?page=2&limit=2", next: "?page=3&limit=2");

        var filtered = await store.ListAsync("name=Birthday&limit=1");
        filtered.Data().Select(Id).ShouldBe([4]);
        ShouldBePage(filtered, total: 2, count: 1, perPage: 1, page: 1, pages: 2, previous: null, current: "?page=1&limit=1", next: "?page=2&limit=1");

        var beyond = await store.ListAsync("page=5&limit=4");
        beyond.Data().ShouldBeEmpty();
        ShouldBePage(beyond, total: 6, count: 0, perPage: 4, page: 5, pages: 2, previous: "?page=2&limit=4", current: "?page=5&limit=4", next: null);
    }

    [Fact]
    public async Task A_limit_over_250_is_clamped_to_250()
    {
        var store = await ListedStoreAsync();

        var body = await store.ListAsync("limit=1000");

        body.Data().Length.ShouldBe(6);
        ShouldBePage(body, total: 6, count: 6, perPage: 250, page: 1, pages: 1, previous: null, current: "?page=1&limit=250", next: null);
    }

    /// <summary>
    /// Values 1 and 2 are created at T0; then value 1 is updated and value 3 created at T1 (a later second). So:
    /// created 1 T0, 2 T0, 3 T1; modified 1 T1, 2 T0, 3 T1.
    /// </summary>
    [Fact]
    public async Task Date_filters_bound_created_and_modified_dates_inclusively()
    {
        var store = await api.SeededStoreAsync();
        var t0 = (await store.UpsertValuesAsync((1, Nickname, "Jo"), (2, Nickname, "Sam")))[0].Instant("date_created");
        await Task.Delay(1100);
        var t1 = (await store.UpsertValuesAsync((1, Nickname, "Joanna"), (1, Age, "30")))[1].Instant("date_created");
        t1.ShouldBeGreaterThan(t0);
        static string Iso(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        static string Unix(DateTime at) => new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        (await store.ValueIdsAsync($"date_created:min={Iso(t1)}")).ShouldBe([3]);
        (await store.ValueIdsAsync($"date_created:max={Iso(t0)}")).ShouldBe([1, 2]);
        (await store.ValueIdsAsync($"date_created:min={Iso(t0)}&date_created:max={Iso(t1)}")).ShouldBe([1, 2, 3]);
        (await store.ValueIdsAsync($"date_created:min={Unix(t1.AddSeconds(1))}")).ShouldBeEmpty();
        (await store.ValueIdsAsync($"date_created={Iso(t0)}")).ShouldBe([1, 2]);
        (await store.ValueIdsAsync($"date_created={Unix(t1)}")).ShouldBe([3]);
        (await store.ValueIdsAsync($"date_modified:min={Unix(t1)}")).ShouldBe([1, 3]);
        (await store.ValueIdsAsync($"date_modified:max={Iso(t0)}")).ShouldBe([2]);
        (await store.ValueIdsAsync($"date_modified={Iso(t1)}")).ShouldBe([1, 3]);
        (await store.ValueIdsAsync($"date_modified:max={Iso(t0.AddSeconds(-1))}")).ShouldBeEmpty();
        (await store.ValueIdsAsync($"date_created:max={Iso(t0)}&date_modified:min={Iso(t1)}")).ShouldBe([1]);

        // a bare date is the whole UTC day for the plain form, midnight for :min and :max
        (await store.ValueIdsAsync($"date_created={Day(t0)}")).Length.ShouldBe(t0.Date == t1.Date ? 3 : 2);
        (await store.ValueIdsAsync($"date_created={Day(t0.AddDays(-1))}")).ShouldBeEmpty();
        (await store.ValueIdsAsync($"date_modified:min={Day(t0)}")).ShouldBe([1, 2, 3]);
        (await store.ValueIdsAsync($"date_modified:max={Day(t0)}")).ShouldBeEmpty();
        (await store.ValueIdsAsync($"date_modified:min={Day(t1.AddDays(1))}")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("customer_id:in=abc", "customer_id:in")]
    [InlineData("customer_id:in=0", "customer_id:in")]
    [InlineData("customer_id:in=-1", "customer_id:in")]
    [InlineData("customer_id:in=1.5", "customer_id:in")]
    [InlineData("customer_id:in=1,,2", "customer_id:in")]
    [InlineData("attribute_id:in=x", "attribute_id:in")]
    [InlineData("attribute_id:in=1,0", "attribute_id:in")]
    [InlineData("date_created=yesterday", "date_created")]
    [InlineData("date_created:min=2024-13-45", "date_created:min")]
    [InlineData("date_modified:max=soon", "date_modified:max")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-5", "limit")]
    public async Task A_bad_filter_value_is_422_naming_the_filter_with_a_reason(string query, string name)
    {
        var store = await ListedStoreAsync();

        await (await store.V3.GetAsync($"{Url}?{query}")).ShouldBeBadFilterAsync(name, name);
    }

    [Theory]
    [InlineData("foo=1", "foo")]
    [InlineData("customer_id=1", "customer_id")]
    [InlineData("attribute_id=2", "attribute_id")]
    [InlineData("id:in=1", "id:in")]
    [InlineData("name:like=Ag", "name:like")]
    [InlineData("customer_id:in=1&sort=id", "sort")]
    public async Task An_unknown_filter_is_422_naming_it_in_the_title_only(string query, string name)
    {
        var store = await ListedStoreAsync();

        await (await store.V3.GetAsync($"{Url}?{query}")).ShouldBeBadFilterAsync(name);
    }

    [Fact]
    public async Task Every_failing_filter_is_named_at_once()
    {
        var store = await ListedStoreAsync();

        await (await store.V3.GetAsync($"{Url}?foo=1&customer_id:in=x&limit=0"))
            .ShouldBeBadFilterAsync("foo, customer_id:in, limit", "customer_id:in", "limit");
    }

    [Fact]
    public async Task A_read_only_token_may_list_values_but_not_upsert_or_delete_them()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));
        await store.CreateCustomersAsync(1);
        await store.CreateAttributesAsync(("Nickname", "string"));
        await store.UpsertValuesAsync((1, Nickname, "Jo"));
        var before = await store.SnapshotAsync();

        var listed = await (await readOnly.GetAsync(Url)).ShouldBeAsync(HttpStatusCode.OK);
        listed.Data().Select(v => v.GetRawText()).ShouldBe(before);
        await (await readOnly.PutJsonAsync(Url, new[] { Item(1, Nickname, "Changed") })).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        await (await readOnly.DeleteAsync($"{Url}?id:in=1")).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    private static int Id(JsonElement value) => value.GetProperty("id").GetInt32();

    private static void ShouldBePage(JsonElement body, int total, int count, int perPage, int page, int pages, string? previous, string current, string? next)
    {
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        pagination.EnumerateObject().Select(p => p.Name).ShouldBe(["total", "count", "per_page", "current_page", "total_pages", "links"]);
        pagination.GetProperty("total").GetInt32().ShouldBe(total);
        pagination.GetProperty("count").GetInt32().ShouldBe(count);
        pagination.GetProperty("per_page").GetInt32().ShouldBe(perPage);
        pagination.GetProperty("current_page").GetInt32().ShouldBe(page);
        pagination.GetProperty("total_pages").GetInt32().ShouldBe(pages);
        var links = pagination.GetProperty("links").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        links.GetValueOrDefault("previous").ShouldBe(previous);
        links["current"].ShouldBe(current);
        links.GetValueOrDefault("next").ShouldBe(next);
        links.Keys.Order(StringComparer.Ordinal).ShouldBe(
            new[] { previous is null ? null : "previous", "current", next is null ? null : "next" }.OfType<string>().Order(StringComparer.Ordinal));
    }
}

public sealed class ListTests_Sqlite(SqliteApi api) : ListTests(api), IClassFixture<SqliteApi>;

public sealed class ListTests_Postgres(PostgresApi api) : ListTests(api), IClassFixture<PostgresApi>;
