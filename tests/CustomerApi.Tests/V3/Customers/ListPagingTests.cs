using System.Net;
using System.Text;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.AttributeValues;
using static CustomerApi.Tests.V3.Customers.CustomerListV3;

namespace CustomerApi.Tests.V3.Customers;

/// <summary><c>GET /v3/customers</c>: sort (ties by id), page numbers, cursors, and the meta of each.</summary>
public abstract class ListPagingTests(ApiFixture api)
{
    private static readonly string[] CursorNames = ["after", "before"];

    /// <summary>
    /// In one call at T0: 1 Brown, 2 Adams, 3 Brown; in one call at T1: 4 Adams, 5 Clark; at T2 customer 2 is
    /// updated. So date_created ties 1-3 and 4-5, date_modified ties 1, 3 and 4, 5, last_name ties 2, 4 and 1, 3.
    /// </summary>
    private async Task<TestStore> SortableStoreAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateV3CustomersAsync("Brown", "Adams", "Brown")).ShouldBe([1, 2, 3]);
        await Task.Delay(1100); // dates have whole seconds
        (await store.CreateV3CustomersAsync("Adams", "Clark")).ShouldBe([4, 5]);
        await Task.Delay(1100);
        (await store.V3.PutJsonAsync(Url, new[] { new { id = 2, notes = "later" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await store.ListV3Async()).Data();
        listed[0].Instant("date_created").ShouldBe(listed[2].Instant("date_created"));
        listed[0].Instant("date_created").ShouldBeLessThan(listed[3].Instant("date_created"));
        listed[3].Instant("date_created").ShouldBe(listed[4].Instant("date_created"));
        listed[1].Instant("date_modified").ShouldBeGreaterThan(listed[4].Instant("date_modified"));
        return store;
    }

    /// <summary>The orders of <see cref="SortableStoreAsync"/>; equal keys always go by id ascending.</summary>
    public static TheoryData<string, int[]> Orders => new()
    {
        { "", [1, 2, 3, 4, 5] },
        { "sort=date_created:asc", [1, 2, 3, 4, 5] },
        { "sort=date_created:desc", [4, 5, 1, 2, 3] },
        { "sort=date_modified:asc", [1, 3, 4, 5, 2] },
        { "sort=date_modified:desc", [2, 4, 5, 1, 3] },
        { "sort=last_name:asc", [2, 4, 1, 3, 5] },
        { "sort=last_name:desc", [5, 1, 3, 2, 4] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Each_sort_orders_the_list_with_ties_by_id_ascending_by_page_and_by_cursor_both_ways(string sort, int[] expected)
    {
        var store = await SortableStoreAsync();
        var and = sort.Length > 0 ? "&" + sort : "";

        (await store.ListedIdsAsync(sort)).ShouldBe(expected);
        (await store.ListedIdsAsync("limit=2&page=2" + and)).ShouldBe(expected[2..4]);
        (await store.ListedIdsAsync("limit=2&page=3" + and)).ShouldBe(expected[4..]);
        (await store.ListedIdsAsync("name:like=pat%20b,pat%20c" + and)).ShouldBe(expected.Where(id => id is 1 or 3 or 5));
        foreach (var limit in new[] { 1, 2, 3 })
        {
            var forward = await store.WalkForwardAsync($"limit={limit}{and}", sort);
            forward.SelectMany(p => p.ListedIds()).ShouldBe(expected, $"forward, limit {limit}");
            forward.SkipLast(1).Select(p => p.ListedIds().Length).ShouldAllBe(n => n == limit, $"forward, limit {limit}");

            var back = await store.WalkBackAsync(forward[^1], sort);
            back.Select(p => p.ListedIds()).ShouldBe(forward.Select(p => p.ListedIds()).Reverse(), $"back, limit {limit}");
        }
    }

    [Fact]
    public async Task The_first_page_has_both_metas_a_later_page_only_pagination_and_a_cursor_page_only_cursor_pagination()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(5);

        var first = await store.ListV3Async("limit=2");
        var firstExplicit = await store.ListV3Async("limit=2&page=1");
        var second = await store.ListV3Async("limit=2&page=2");
        var last = await store.ListV3Async("limit=2&page=3");

        first.MetaKeys().ShouldBe(["pagination", "cursor_pagination"]);
        firstExplicit.MetaKeys().ShouldBe(["pagination", "cursor_pagination"]);
        firstExplicit.GetRawText().ShouldBe(first.GetRawText());
        first.ListedIds().ShouldBe([1, 2]);
        first.Pagination().GetRawText().ShouldBe(
            """{"total":5,"count":2,"per_page":2,"current_page":1,"total_pages":3,"links":{"current":"?page=1&limit=2","next":"?page=2&limit=2"}}""");
        var cursors = first.CursorPagination();
        cursors.Keys().ShouldBe(["count", "per_page", "start_cursor", "end_cursor", "links"]);
        cursors.GetProperty("count").GetInt32().ShouldBe(2);
        cursors.GetProperty("per_page").GetInt32().ShouldBe(2);
        cursors.GetProperty("links").Keys().ShouldBe(["next"]);
        cursors.GetProperty("links").GetProperty("next").GetString()
            .ShouldBe($"?limit=2&after={Uri.EscapeDataString(cursors.GetProperty("end_cursor").GetString()!)}");

        second.MetaKeys().ShouldBe(["pagination"]);
        second.ListedIds().ShouldBe([3, 4]);
        second.Pagination().GetProperty("current_page").GetInt32().ShouldBe(2);
        second.Pagination().GetProperty("links").GetRawText()
            .ShouldBe("""{"previous":"?page=1&limit=2","current":"?page=2&limit=2","next":"?page=3&limit=2"}""");
        last.ListedIds().ShouldBe([5]);
        last.Pagination().GetProperty("links").Keys().ShouldBe(["previous", "current"]);

        var afterFirst = await store.ListV3Async(first.CursorLink("next", "")!);
        afterFirst.MetaKeys().ShouldBe(["cursor_pagination"]);
        afterFirst.ListedIds().ShouldBe([3, 4]);
        afterFirst.CursorPagination().GetProperty("links").Keys().ShouldBe(["previous", "next"]);
        (await store.ListV3Async(afterFirst.CursorLink("previous", "")!)).ListedIds().ShouldBe([1, 2]);
        // page is ignored beside a cursor
        (await store.ListV3Async(first.CursorLink("next", "")! + "&page=3")).GetRawText().ShouldBe(afterFirst.GetRawText());
    }

    [Fact]
    public async Task One_page_holding_everything_links_nowhere_else()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(3);

        var body = await store.ListV3Async();

        body.ListedIds().ShouldBe([1, 2, 3]);
        body.Pagination().GetRawText().ShouldBe(
            """{"total":3,"count":3,"per_page":50,"current_page":1,"total_pages":1,"links":{"current":"?page=1&limit=50"}}""");
        body.CursorPagination().GetProperty("links").GetRawText().ShouldBe("{}");
        body.CursorPagination().GetProperty("start_cursor").GetString().ShouldNotBe(body.CursorPagination().GetProperty("end_cursor").GetString());
    }

    [Fact]
    public async Task An_empty_store_lists_nothing_with_one_empty_page_and_no_cursors()
    {
        var store = await api.NewStoreAsync();

        var body = await store.ListV3Async();

        body.GetRawText().ShouldBe(
            """{"data":[],"meta":{"pagination":{"total":0,"count":0,"per_page":50,"current_page":1,"total_pages":1,"links":{"current":"?page=1&limit=50"}},"cursor_pagination":{"count":0,"per_page":50,"links":{}}}}""");
    }

    [Theory]
    [InlineData("limit=2&page=4", 4)]
    [InlineData("limit=2&page=1000000", 1000000)]
    [InlineData("page=2", 2)]
    [InlineData("limit=250&page=2147483647", 2147483647)]
    public async Task A_page_past_the_end_is_empty_and_still_counts_the_whole_list(string query, int page)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(5);

        var body = await store.ListV3Async(query);

        body.Data().ShouldBeEmpty();
        body.MetaKeys().ShouldBe(["pagination"]);
        var pagination = body.Pagination();
        pagination.GetProperty("total").GetInt32().ShouldBe(5);
        pagination.GetProperty("count").GetInt32().ShouldBe(0);
        pagination.GetProperty("current_page").GetInt32().ShouldBe(page);
        pagination.GetProperty("total_pages").GetInt32().ShouldBe(query.StartsWith("limit=2&", StringComparison.Ordinal) ? 3 : 1);
        pagination.GetProperty("links").TryGetProperty("next", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_limit_over_250_is_taken_as_250_by_page_and_by_cursor()
    {
        var store = await api.NewStoreAsync();
        var ids = await store.CreateV3CustomersAsync([.. Enumerable.Range(1, 260).Select(i => $"Name{i}")]);
        ids.ShouldBe(Enumerable.Range(1, 260));

        var first = await store.ListV3Async("limit=300");
        var second = await store.ListV3Async("limit=300&page=2");
        var after = await store.ListV3Async("limit=300&after=" + Uri.EscapeDataString(first.CursorPagination().GetProperty("start_cursor").GetString()!));

        first.ListedIds().ShouldBe(Enumerable.Range(1, 250));
        first.Pagination().GetProperty("per_page").GetInt32().ShouldBe(250);
        first.Pagination().GetProperty("total").GetInt32().ShouldBe(260);
        first.Pagination().GetProperty("total_pages").GetInt32().ShouldBe(2);
        first.Pagination().GetProperty("links").GetProperty("next").GetString().ShouldBe("?page=2&limit=250");
        first.CursorPagination().GetProperty("per_page").GetInt32().ShouldBe(250);
        first.CursorPagination().GetProperty("links").GetProperty("next").GetString().ShouldStartWith("?limit=250&after=");
        second.ListedIds().ShouldBe(Enumerable.Range(251, 10));
        after.ListedIds().ShouldBe(Enumerable.Range(2, 250));
        after.CursorPagination().GetProperty("per_page").GetInt32().ShouldBe(250);
    }

    /// <summary>
    /// Keyset cursors: rows deleted between calls (the cursor's own row, rows already seen, rows not yet seen) move no
    /// boundary, so every surviving row is listed exactly once. Last names put the order apart from the ids:
    /// Adams 2, 6; Baker 4, 9; Kent 1, 3, 7; Lane 8; Moss 5, 10.
    /// </summary>
    [Fact]
    public async Task Walking_forward_while_rows_are_deleted_skips_and_repeats_no_survivor()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3CustomersAsync("Kent", "Adams", "Kent", "Baker", "Moss", "Adams", "Kent", "Lane", "Baker", "Moss");
        (await store.ListedIdsAsync("sort=last_name:asc")).ShouldBe([2, 6, 4, 9, 1, 3, 7, 8, 5, 10]);
        var deletions = new Queue<int[]>([[4, 9, 2], [3, 8, 10], []]);

        var pages = await store.WalkForwardAsync("sort=last_name:asc&limit=3", "sort=last_name:asc",
            async _ => await store.DeleteV3CustomersAsync(deletions.Dequeue()));

        pages.Select(p => p.ListedIds()).ShouldBe([[2, 6, 4], [1, 3, 7], [5]]);
        deletions.ShouldBeEmpty();
        var survivors = await store.ListV3Async("sort=last_name:asc");
        survivors.ListedIds().ShouldBe([6, 1, 7, 5]);
        survivors.Pagination().GetProperty("total").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Walking_back_while_rows_are_deleted_skips_and_repeats_no_survivor()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3CustomersAsync([.. Enumerable.Range(1, 10).Select(i => $"Name{i}")]);
        var forward = await store.WalkForwardAsync("limit=3", "");
        forward.Select(p => p.ListedIds()).ShouldBe([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]]);
        var deletions = new Queue<int[]>([[10, 9], [6, 5], [], []]);

        var back = await store.WalkBackAsync(forward[^1], "", async _ => await store.DeleteV3CustomersAsync(deletions.Dequeue()));

        back.Select(p => p.ListedIds()).ShouldBe([[10], [6, 7, 8], [2, 3, 4], [1]]);
        deletions.ShouldBeEmpty();
        back[^1].CursorPagination().GetProperty("links").Keys().ShouldBe(["next"]);
    }

    [Fact]
    public async Task A_cursor_past_every_row_gives_an_empty_page_whose_previous_link_and_before_it_give_the_rows()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(3);
        var end = Uri.EscapeDataString((await store.ListV3Async()).CursorPagination().GetProperty("end_cursor").GetString()!);

        var after = await store.ListV3Async($"after={end}");
        var before = await store.ListV3Async($"before={end}");
        await store.DeleteV3CustomersAsync(1);
        var beforeSecond = await store.ListV3Async($"before={Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"id":2}""")))}");

        after.Data().ShouldBeEmpty();
        after.CursorPagination().GetProperty("links").Keys().ShouldBe(["previous"]);
        (await store.ListedIdsAsync(after.CursorPagination().GetProperty("links").GetProperty("previous").GetString()![1..])).ShouldBe([2, 3]);
        beforeSecond.Data().ShouldBeEmpty();
        beforeSecond.CursorPagination().GetProperty("links").Keys().ShouldBe(["next"]);
        (await store.ListedIdsAsync(beforeSecond.CursorPagination().GetProperty("links").GetProperty("next").GetString()![1..])).ShouldBe([2, 3]);
        await store.DeleteV3CustomersAsync(2, 3);
        var beforeAllGone = await store.ListV3Async($"before={end}");
        (await store.ListV3Async($"after={end}")).GetRawText().ShouldBe("""{"data":[],"meta":{"cursor_pagination":{"count":0,"per_page":50,"links":{}}}}""");
        before.ListedIds().ShouldBe([1, 2]);
        before.CursorPagination().GetProperty("links").GetProperty("next").GetString().ShouldStartWith("?limit=50&after=");
        beforeAllGone.GetRawText().ShouldBe("""{"data":[],"meta":{"cursor_pagination":{"count":0,"per_page":50,"links":{}}}}""");
    }

    /// <summary>
    /// Walking back from the first customer finds nothing; its link forward must take in that customer again. Before any
    /// row is id 0, which a cursor may name; by a sort its date or name stay, so ties come back too.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("sort=date_created:asc")]
    [InlineData("sort=last_name:desc")]
    public async Task Before_the_first_customer_is_an_empty_page_whose_next_link_starts_at_that_customer(string sort)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(3);
        var and = sort.Length > 0 ? "&" + sort : "";
        var all = await store.ListV3Async(sort);
        var start = Uri.EscapeDataString(all.CursorPagination().GetProperty("start_cursor").GetString()!);

        var before = await store.ListV3Async($"before={start}{and}");

        before.Data().ShouldBeEmpty();
        before.CursorPagination().GetProperty("links").Keys().ShouldBe(["next"]);
        (await store.ListedIdsAsync(before.CursorPagination().GetProperty("links").GetProperty("next").GetString()![1..])).ShouldBe(all.ListedIds());
        (await store.ListedIdsAsync($"after={Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"id":0}""")))}")).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Before_together_with_after_is_422()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(3);
        var meta = (await store.ListV3Async("limit=1")).CursorPagination();
        var cursor = Uri.EscapeDataString(meta.GetProperty("end_cursor").GetString()!);

        await (await store.V3.GetAsync($"{Url}?after={cursor}&before={cursor}")).ShouldBeBadFilterAsync("before", "before");
    }

    /// <summary>
    /// Texts that are no cursor of this service: not base64, or base64 of no JSON object, of an object without a usable
    /// id, or of a last-name cursor without its last name.
    /// </summary>
    public static TheoryData<string, string> NotCursors()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in new[] { "garbage!", "not-a-cursor", """{"id":1}""", "plain text", " " })
        {
            data.Add(text, "");
        }

        foreach (var json in new[] { "hello", "[]", "null", "{}", """{"id":-1}""", """{"id":-3}""", """{"id":"x"}""", """{"id":1.5}""" })
        {
            data.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), "");
        }

        data.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"sort":"last_name:asc","id":1}""")), "sort=last_name:asc");
        data.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"sort":"date_created:asc","id":1}""")), "sort=date_created:asc");
        data.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"sort":"date_created:asc","id":1,"date":"yesterday"}""")), "sort=date_created:asc");
        return data;
    }

    [Theory]
    [MemberData(nameof(NotCursors))]
    public async Task A_cursor_that_is_not_one_is_422(string cursor, string sort)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(2);
        var and = sort.Length > 0 ? "&" + sort : "";

        foreach (var name in CursorNames)
        {
            await (await store.V3.GetAsync($"{Url}?{name}={Uri.EscapeDataString(cursor)}{and}")).ShouldBeBadFilterAsync(name, name);
        }

        // the same kind of cursor made right is taken, padded standard base64 or unpadded as the spec's example (eyJpZCI6MjA0fQ)
        (await store.ListedIdsAsync($"after={Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"id":1}""")))}")).ShouldBe([2]);
        (await store.ListedIdsAsync("after=eyJpZCI6MX0")).ShouldBe([2]);
    }

    [Theory]
    [InlineData("sort=last_name:asc", "")]
    [InlineData("sort=last_name:asc", "sort=last_name:desc")]
    [InlineData("sort=last_name:asc", "sort=date_created:asc")]
    [InlineData("sort=date_created:asc", "sort=date_created:desc")]
    [InlineData("sort=date_created:desc", "sort=date_modified:desc")]
    [InlineData("", "sort=last_name:asc")]
    [InlineData("", "sort=date_modified:asc")]
    public async Task A_cursor_made_with_another_sort_is_422(string madeWith, string usedWith)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(3);
        var meta = (await store.ListV3Async("limit=1" + (madeWith.Length > 0 ? "&" + madeWith : ""))).CursorPagination();
        var and = usedWith.Length > 0 ? "&" + usedWith : "";

        await (await store.V3.GetAsync($"{Url}?after={Uri.EscapeDataString(meta.GetProperty("end_cursor").GetString()!)}{and}"))
            .ShouldBeBadFilterAsync("after", "after");
        await (await store.V3.GetAsync($"{Url}?before={Uri.EscapeDataString(meta.GetProperty("start_cursor").GetString()!)}{and}"))
            .ShouldBeBadFilterAsync("before", "before");
        (await store.ListedIdsAsync($"after={Uri.EscapeDataString(meta.GetProperty("end_cursor").GetString()!)}"
            + (madeWith.Length > 0 ? "&" + madeWith : ""))).Length.ShouldBe(2, "with its own sort the cursor is taken");
    }

    /// <summary>The longest last name, of characters JSON escapes, still makes a cursor the list takes back.</summary>
    [Theory]
    [InlineData("<")]
    [InlineData("\U0001F600")]
    [InlineData("\"")]
    public async Task A_cursor_of_the_longest_last_name_is_taken(string character)
    {
        var store = await api.NewStoreAsync();
        var longest = string.Concat(Enumerable.Repeat(character, 100 / character.Length));
        longest.Length.ShouldBe(100);
        await store.CreateV3CustomersAsync(longest, longest, "A");

        foreach (var sort in new[] { "sort=last_name:asc", "sort=last_name:desc" })
        {
            var pages = await store.WalkForwardAsync($"limit=1&{sort}", sort);
            pages.SelectMany(p => p.ListedIds()).Order().ShouldBe(Enumerable.Range(1, 3), sort);
            (await store.WalkBackAsync(pages[^1], sort)).Count.ShouldBe(3, sort);
        }
    }

    [Fact]
    public async Task Cursor_values_are_opaque_url_safe_base64_and_links_carry_the_sort()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3CustomersAsync("O'Brien+Co/Ltd", "Zed");

        var first = await store.ListV3Async("sort=last_name:asc&limit=1");
        var end = first.CursorPagination().GetProperty("end_cursor").GetString()!;

        end.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_', "base64url without padding: safe in a URL as it is");
        first.CursorPagination().GetProperty("links").GetProperty("next").GetString().ShouldBe($"?limit=1&after={end}&sort=last_name:asc");
        (await store.ListedIdsAsync(first.CursorLink("next", "sort=last_name:asc")!)).ShouldBe([2]);
        JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(end)).RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
    }
}

public sealed class ListPagingTests_Sqlite(SqliteApi api) : ListPagingTests(api), IClassFixture<SqliteApi>;

public sealed class ListPagingTests_Postgres(PostgresApi api) : ListPagingTests(api), IClassFixture<PostgresApi>;
