using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Attributes;

/// <summary><c>GET customers/attributes</c>: filters, paging and the query errors.</summary>
public abstract class AttributeListTests(ApiFixture api)
{
    /// <summary>
    /// Creates, in this order (ids 1 to 6): Age (number), Age group (string), Birthday (date), Shoe size (number),
    /// favourite_colour (string), 100% organic (string).
    /// </summary>
    private static Task<int[]> SeedAsync(TestStore store) => store.CreateAttributesAsync(
        ("Age", "number"), ("Age group", "string"), ("Birthday", "date"), ("Shoe size", "number"), ("favourite_colour", "string"), ("100% organic", "string"));

    public static TheoryData<string, int[]> FilterCases => new()
    {
        { "", [1, 2, 3, 4, 5, 6] },
        { "name=Age", [1] },
        { "name=age", [1] },
        { "name=AGE", [1] },
        { "name=%20Age%20", [1] },
        { "name=Ag", [] },
        { "name=Age%20group", [2] },
        { "name=aGE%20GROUP", [2] },
        { "name=group", [] },
        { "name=Nothing", [] },
        { "name:like=age", [1, 2] },
        { "name:like=AGE", [1, 2] },
        { "name:like=Ag", [1, 2] },
        { "name:like=GROUP", [2] },
        { "name:like=size", [4] },
        { "name:like=e%20s", [4] },
        { "name:like=o", [2, 4, 5, 6] },
        { "name:like=_", [5] },
        { "name:like=e_c", [5] },
        { "name:like=%25", [6] },
        { "name:like=0%25%20o", [6] },
        { "name:like=Birthday", [3] },
        { "name:like=zzz", [] },
        { "type=number", [1, 4] },
        { "type=string", [2, 5, 6] },
        { "type=date", [3] },
        { "name:like=age&type=string", [2] },
        { "name:like=age&type=date", [] },
        { "name=Age&type=string", [] },
        { "name=Birthday&name:like=birth", [3] },
        { "name=Birthday&name:like=age", [] },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Filters_select_by_name_exactly_by_name_fragment_and_by_type_ignoring_case(string query, int[] expected)
    {
        var store = await api.NewStoreAsync();
        await SeedAsync(store);

        var body = await store.ListAsync(query);

        body.Data().Select(a => a.GetProperty("id").GetInt32()).ShouldBe(expected);
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        pagination.GetProperty("total").GetInt32().ShouldBe(expected.Length);
        pagination.GetProperty("count").GetInt32().ShouldBe(expected.Length);
    }

    [Fact]
    public async Task The_list_answers_every_attribute_in_id_order_with_its_pagination()
    {
        var store = await api.NewStoreAsync();
        await SeedAsync(store);
        await (await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 3, name = "Anniversary" } })).ShouldBeAsync(HttpStatusCode.OK);

        var body = await store.ListAsync();

        body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        var data = body.Data();
        data.Length.ShouldBe(6);
        data[0].ShouldBeAttribute(1, "Age", "number");
        data[1].ShouldBeAttribute(2, "Age group", "string");
        data[2].ShouldBeAttribute(3, "Anniversary", "date");
        data[3].ShouldBeAttribute(4, "Shoe size", "number");
        data[4].ShouldBeAttribute(5, "favourite_colour", "string");
        data[5].ShouldBeAttribute(6, "100% organic", "string");
        body.GetProperty("meta").EnumerateObject().Select(p => p.Name).ShouldBe(["pagination"]);
        ShouldBePage(body, total: 6, count: 6, perPage: 50, page: 1, pages: 1, previous: null, current: "?page=1&limit=50", next: null);
    }

    [Fact]
    public async Task An_empty_list_has_total_0_one_page_and_only_the_current_link()
    {
        var store = await api.NewStoreAsync();

        var body = await store.ListAsync();

        body.Data().ShouldBeEmpty();
        ShouldBePage(body, total: 0, count: 0, perPage: 50, page: 1, pages: 1, previous: null, current: "?page=1&limit=50", next: null);
        ShouldBePage(await store.ListAsync("name=Age&limit=10"), total: 0, count: 0, perPage: 10, page: 1, pages: 1, previous: null, current: "?page=1&limit=10", next: null);
    }

    [Fact]
    public async Task Pages_slice_the_list_by_id_with_previous_and_next_links_only_where_those_pages_exist()
    {
        var store = await api.NewStoreAsync();
        await store.CreateManyAsync(50);

        var all = await store.ListAsync();
        all.Data().Select(a => a.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(1, 50));
        ShouldBePage(all, total: 50, count: 50, perPage: 50, page: 1, pages: 1, previous: null, current: "?page=1&limit=50", next: null);

        var first = await store.ListAsync("limit=20");
        first.Data().Select(a => a.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(1, 20));
        ShouldBePage(first, total: 50, count: 20, perPage: 20, page: 1, pages: 3, previous: null, current: "?page=1&limit=20", next: "?page=2&limit=20");

        var second = await store.ListAsync("page=2&limit=20");
        second.Data().Select(a => a.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(21, 20));
        ShouldBePage(second, total: 50, count: 20, perPage: 20, page: 2, pages: 3, previous: "?page=1&limit=20", current: "?page=2&limit=20", next: "?page=3&limit=20");

        var last = await store.ListAsync("limit=20&page=3");
        last.Data().Select(a => a.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(41, 10));
        ShouldBePage(last, total: 50, count: 10, perPage: 20, page: 3, pages: 3, previous: "?page=2&limit=20", current: "?page=3&limit=20", next: null);

        var one = await store.ListAsync("limit=1&page=50");
        one.Data().ShouldHaveSingleItem().GetProperty("id").GetInt32().ShouldBe(50);
        ShouldBePage(one, total: 50, count: 1, perPage: 1, page: 50, pages: 50, previous: "?page=49&limit=1", current: "?page=50&limit=1", next: null);

        var filtered = await store.ListAsync("name:like=Attribute1&limit=5&page=2");
        filtered.Data().Select(a => a.GetProperty("id").GetInt32()).ShouldBe([14, 15, 16, 17, 18]); // matches: 1, 10..19
        ShouldBePage(filtered, total: 11, count: 5, perPage: 5, page: 2, pages: 3, previous: "?page=1&limit=5", current: "?page=2&limit=5", next: "?page=3&limit=5");
    }

    [Theory]
    [InlineData("page=2", 50, 2, 1)]
    [InlineData("page=4&limit=20", 20, 4, 3)]
    [InlineData("page=9&limit=250", 250, 9, 1)]
    [InlineData("page=2147483647&limit=250", 250, 2147483647, 1)]
    public async Task A_page_past_the_end_is_200_with_no_data_and_the_real_total(string query, int perPage, int page, int pages)
    {
        var store = await api.NewStoreAsync();
        await store.CreateManyAsync(50);

        var body = await store.ListAsync(query);

        body.Data().ShouldBeEmpty();
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        pagination.GetProperty("total").GetInt32().ShouldBe(50);
        pagination.GetProperty("count").GetInt32().ShouldBe(0);
        pagination.GetProperty("per_page").GetInt32().ShouldBe(perPage);
        pagination.GetProperty("current_page").GetInt32().ShouldBe(page);
        pagination.GetProperty("total_pages").GetInt32().ShouldBe(pages);
        var links = pagination.GetProperty("links");
        links.GetProperty("current").GetString().ShouldBe($"?page={page}&limit={perPage}");
        links.TryGetProperty("next", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("limit=251")]
    [InlineData("limit=300")]
    [InlineData("limit=2147483647")]
    public async Task A_limit_over_250_is_clamped_to_250(string query)
    {
        var store = await api.NewStoreAsync();
        await store.CreateManyAsync(3);

        var body = await store.ListAsync(query);

        body.Data().Length.ShouldBe(3);
        ShouldBePage(body, total: 3, count: 3, perPage: 250, page: 1, pages: 1, previous: null, current: "?page=1&limit=250", next: null);
    }

    public static TheoryData<string, string, string[]> BadQueries => new()
    {
        // unknown names: in the title, not in errors
        { "foo=1", "foo", [] },
        { "id=1", "id", [] },
        { "id:in=1", "id:in", [] },
        { "name:in=Age", "name:in", [] },
        { "Name=Age", "Name", [] },
        { "sort=name", "sort", [] },
        { "foo=1&bar=2", "foo, bar", [] },
        // bad values: in the title and in errors
        { "type=text", "type", ["type"] },
        { "type=Number", "type", ["type"] },
        { "date_created=yesterday", "date_created", ["date_created"] },
        { "date_created:min=2024-13-45", "date_created:min", ["date_created:min"] },
        { "date_created:max=abc", "date_created:max", ["date_created:max"] },
        { "date_modified=2024-05-14T25:00:00", "date_modified", ["date_modified"] },
        { "date_modified:min=99999999999999", "date_modified:min", ["date_modified:min"] },
        { "date_modified:max=14%2F05%2F2024", "date_modified:max", ["date_modified:max"] },
        { "page=0", "page", ["page"] },
        { "page=-1", "page", ["page"] },
        { "page=abc", "page", ["page"] },
        { "page=1.5", "page", ["page"] },
        { "limit=0", "limit", ["limit"] },
        { "limit=-5", "limit", ["limit"] },
        { "limit=ten", "limit", ["limit"] },
        { "limit=2.5", "limit", ["limit"] },
        { "name=a%00b", "name", ["name"] },
        { "name:like=%00", "name:like", ["name:like"] },
        // several at once: every failing name
        { "type=text&date_created=abc", "type, date_created", ["type", "date_created"] },
        { "foo=1&type=text&page=0", "foo, type, page", ["type", "page"] },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Unknown_filters_and_bad_values_are_422_naming_every_one(string query, string names, string[] badValues)
    {
        var store = await api.NewStoreAsync();
        await SeedAsync(store);

        await (await store.V3.GetAsync($"{AttributeCalls.Url}?{query}")).ShouldBeBadFilterAsync(names, badValues);
    }

    /// <summary>
    /// Attribute 1 is created at T0 and renamed at T2, attribute 2 created at T1 (T0 &lt; T1 &lt; T2, whole seconds).
    /// Every bound is one of those instants (or a second off), in each date-time format the filters take.
    /// </summary>
    [Fact]
    public async Task Date_filters_match_to_the_second_in_every_date_time_format()
    {
        var store = await api.NewStoreAsync();
        var first = (await (await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = "First", type = "string" } })).ShouldBeAsync(HttpStatusCode.OK)).Data()[0];
        await Task.Delay(1100);
        var second = (await (await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = "Second", type = "date" } })).ShouldBeAsync(HttpStatusCode.OK)).Data()[0];
        await Task.Delay(1100);
        var renamed = (await (await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name = "First renamed" } })).ShouldBeAsync(HttpStatusCode.OK)).Data()[0];
        var t0 = first.Instant("date_created");
        var t1 = second.Instant("date_created");
        var t2 = renamed.Instant("date_modified");
        renamed.Instant("date_created").ShouldBe(t0);
        t0.ShouldBeLessThan(t1);
        t1.ShouldBeLessThan(t2);

        foreach (var format in new[] { "iso", "iso Z", "iso +02:00", "unix" })
        {
            async Task Expect(string filter, DateTime at, int[] ids, string? more = null)
            {
                var query = $"{filter}={Uri.EscapeDataString(Format(at, format))}" + (more is null ? "" : "&" + more);
                (await store.AttributeIdsAsync(query)).ShouldBe(ids, $"{format}: {query}");
            }

            await Expect("date_created", t0, [1]);
            await Expect("date_created", t1, [2]);
            await Expect("date_created", t2, []);
            await Expect("date_created:min", t1, [2]);
            await Expect("date_created:min", t0, [1, 2]);
            await Expect("date_created:min", t1.AddSeconds(1), []);
            await Expect("date_created:max", t0, [1]);
            await Expect("date_created:max", t1, [1, 2]);
            await Expect("date_created:max", t0.AddSeconds(-1), []);
            await Expect("date_created:min", t1, [2], $"date_created:max={Uri.EscapeDataString(Format(t1, format))}");

            await Expect("date_modified", t2, [1]);
            await Expect("date_modified", t1, [2]);
            await Expect("date_modified", t0, []);
            await Expect("date_modified:min", t2, [1]);
            await Expect("date_modified:min", t2.AddSeconds(1), []);
            await Expect("date_modified:max", t1, [2]);
            await Expect("date_modified:max", t2, [1, 2]);
            await Expect("date_modified:max", t1.AddSeconds(-1), []);

            // created and modified are separate columns: attribute 1 was created first but modified last
            await Expect("date_created:max", t0, [1], $"date_modified:min={Uri.EscapeDataString(Format(t2, format))}");
            await Expect("date_created:min", t1, [], $"date_modified:min={Uri.EscapeDataString(Format(t2, format))}");
        }
    }

    /// <summary>A bare date: the plain form is that whole UTC day, :min and :max are its midnight.</summary>
    [Fact]
    public async Task Bare_dates_match_the_whole_day_and_bound_at_midnight_utc()
    {
        var store = await api.NewStoreAsync();
        var created = (await (await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = "First", type = "string" }, new { name = "Second", type = "number" } }))
            .ShouldBeAsync(HttpStatusCode.OK)).Data();
        var at = created[0].Instant("date_created");
        created[1].Instant("date_created").ShouldBe(at);
        static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        foreach (var field in new[] { "date_created", "date_modified" })
        {
            (await store.AttributeIdsAsync($"{field}={Day(at)}")).ShouldBe([1, 2], field);
            (await store.AttributeIdsAsync($"{field}={Day(at.AddDays(-1))}")).ShouldBeEmpty(field);
            (await store.AttributeIdsAsync($"{field}={Day(at.AddDays(1))}")).ShouldBeEmpty(field);
            (await store.AttributeIdsAsync($"{field}:min={Day(at)}")).ShouldBe([1, 2], field);
            (await store.AttributeIdsAsync($"{field}:min={Day(at.AddDays(1))}")).ShouldBeEmpty(field);
            (await store.AttributeIdsAsync($"{field}:max={Day(at.AddDays(1))}")).ShouldBe([1, 2], field);
            (await store.AttributeIdsAsync($"{field}:max={Day(at.AddDays(-1))}")).ShouldBeEmpty(field);
            if (at.TimeOfDay > TimeSpan.Zero)
            {
                (await store.AttributeIdsAsync($"{field}:max={Day(at)}")).ShouldBeEmpty($"{field}: a bare :max is midnight, before {at:O}");
            }

            (await store.AttributeIdsAsync($"{field}:min={Day(at)}&{field}:max={Day(at.AddDays(1))}&type=number")).ShouldBe([2], field);
        }
    }

    [Theory]
    [InlineData("date_created=9999-12-31")]
    [InlineData("date_modified=9999-12-31")]
    [InlineData("date_created=9999-12-31T23:59:59")]
    [InlineData("date_modified=9999-12-31T23:59:59Z")]
    [InlineData("date_created=0001-01-01")]
    public async Task A_plain_date_at_either_end_of_the_calendar_matches_nothing_rather_than_failing(string query)
    {
        var store = await api.NewStoreAsync();
        await SeedAsync(store);

        (await store.AttributeIdsAsync(query)).ShouldBeEmpty();
    }

    private static string Format(DateTime utc, string format) => format switch
    {
        "iso" => utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        "iso Z" => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "iso +02:00" => utc.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss'+02:00'", CultureInfo.InvariantCulture),
        "unix" => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static void ShouldBePage(JsonElement body, int total, int count, int perPage, int page, int pages, string? previous, string current, string? next)
    {
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        pagination.EnumerateObject().Select(p => p.Name).ShouldBe(["total", "count", "per_page", "current_page", "total_pages", "links"]);
        pagination.GetProperty("total").GetInt32().ShouldBe(total);
        pagination.GetProperty("count").GetInt32().ShouldBe(count);
        pagination.GetProperty("per_page").GetInt32().ShouldBe(perPage);
        pagination.GetProperty("current_page").GetInt32().ShouldBe(page);
        pagination.GetProperty("total_pages").GetInt32().ShouldBe(pages);
        var links = pagination.GetProperty("links");
        string[] expected = [.. new[] { ("previous", previous), ("current", current), ("next", next) }.Where(l => l.Item2 is not null).Select(l => l.Item1)];
        links.EnumerateObject().Select(p => p.Name).ShouldBe(expected);
        links.EnumerateObject().Select(p => p.Value.GetString()).ShouldBe(new[] { previous, current, next }.Where(l => l is not null));
    }
}

public sealed class AttributeListTests_Sqlite(SqliteApi api) : AttributeListTests(api), IClassFixture<SqliteApi>;

public sealed class AttributeListTests_Postgres(PostgresApi api) : AttributeListTests(api), IClassFixture<PostgresApi>;
