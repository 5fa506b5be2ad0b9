using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.CustomerGroups;

public abstract class GroupListTests(ApiFixture api)
{
    /// <summary>1 Retail (default), 2 Wholesale, 3 Guests (for guests), 4 Wholesale Plus.</summary>
    private static async Task SeedAsync(TestStore store)
    {
        await store.CreateGroupAsync("Retail", new { is_default = true });
        await store.CreateGroupAsync("Wholesale");
        await store.CreateGroupAsync("Guests", new { is_group_for_guests = true });
        await store.CreateGroupAsync("Wholesale Plus");
    }

    [Fact]
    public async Task List_is_a_bare_array_of_full_groups_sorted_by_id()
    {
        var store = await api.NewStoreAsync();
        await SeedAsync(store);
        // Rewriting the first row moves it to the end of the table on PostgreSQL: only ORDER BY id keeps it first.
        (await store.V2.PutJsonAsync("customer_groups/1", new { name = "Retail 2" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await store.V2.GetAsync("customer_groups");

        var list = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        list.ValueKind.ShouldBe(JsonValueKind.Array);
        list.EnumerateArray().Select(g => g.GetProperty("id").GetInt32()).ShouldBe([1, 2, 3, 4]);
        list[0].EnumerateObject().Select(p => p.Name).ShouldBe(GroupCalls.FullShape);
        list[0].ToString().ShouldBe(await store.GroupTextAsync(1));
    }

    [Fact]
    public async Task An_empty_store_lists_204_with_no_body()
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.GetAsync("customer_groups");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    public static TheoryData<string, int[]> FilterCases => new()
    {
        { "name=Wholesale", [2] },
        { "name=WHOLESALE", [2] },
        { "name=Whole", [] },
        { "name:like=sale", [2, 4] },
        { "name:like=PLUS", [4] },
        { "name:like=nothing", [] },
        { "is_default=true", [1] },
        { "is_default=false", [2, 3, 4] },
        { "is_default=1", [1] },
        { "is_group_for_guests=true", [3] },
        { "is_group_for_guests=0", [1, 2, 4] },
        { "name:like=sale&is_default=false", [2, 4] },
        { "name=Retail&is_default=false", [] },
        { "date_created:min=2000-01-01", [1, 2, 3, 4] },
        { "date_created:max=2000-01-01", [] },
        { "date_modified:min=2999-01-01", [] },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Filters_select_the_matching_groups_and_count_agrees(string query, int[] ids)
    {
        var store = await api.NewStoreAsync();
        await SeedAsync(store);

        (await store.GroupIdsAsync(query)).ShouldBe(ids);
        (await store.GroupCountAsync(query)).ShouldBe(ids.Length);
    }

    [Fact]
    public async Task Date_filters_bound_inclusively_to_the_second_and_by_day()
    {
        var store = await api.NewStoreAsync();
        var first = await store.CreateGroupAsync("First");
        await Task.Delay(1100);
        var second = await store.CreateGroupAsync("Second");
        await Task.Delay(1100);
        var updated = await (await store.V2.PutJsonAsync("customer_groups/1", new { name = "First again" })).ShouldBeAsync(HttpStatusCode.OK);
        var (t0, t1, t2) = (Instant(first, "date_created"), Instant(second, "date_created"), Instant(updated, "date_modified"));
        static string Iso(DateTime at) => Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));

        (await store.GroupIdsAsync($"date_created:min={Iso(t1)}")).ShouldBe([2]);
        (await store.GroupIdsAsync($"date_created:max={Iso(t0)}")).ShouldBe([1]);
        (await store.GroupIdsAsync($"date_created={Iso(t1)}")).ShouldBe([2]);
        (await store.GroupIdsAsync($"date_modified:min={Iso(t2)}")).ShouldBe([1]);
        (await store.GroupIdsAsync($"date_modified:max={Iso(t1)}")).ShouldBe([2]);
        (await store.GroupIdsAsync($"date_modified={Iso(t2)}")).ShouldBe([1]);
        (await store.GroupIdsAsync($"date_created={t0:yyyy-MM-dd}&date_created:max={Iso(t0)}")).ShouldBe([1]); // a bare date is that whole UTC day
        var rfc = Uri.EscapeDataString(t1.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        (await store.GroupIdsAsync($"date_created:min={rfc}")).ShouldBe([2]);
    }

    [Fact]
    public async Task Paging_takes_page_and_limit_and_a_page_past_the_end_is_204()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(5);

        (await store.GroupIdsAsync("limit=2")).ShouldBe([1, 2]);
        (await store.GroupIdsAsync("limit=2&page=2")).ShouldBe([3, 4]);
        (await store.GroupIdsAsync("limit=2&page=3")).ShouldBe([5]);
        (await store.GroupIdsAsync("limit=2&page=4")).ShouldBeEmpty();
        (await store.GroupIdsAsync("page=2")).ShouldBeEmpty();
        (await store.GroupIdsAsync("limit=250")).ShouldBe([1, 2, 3, 4, 5]);
        (await store.GroupCountAsync("limit=2&page=3")).ShouldBe(5);
    }

    [Fact]
    public async Task A_limit_over_250_is_413()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(1);

        var error = await (await store.V2.GetAsync("customer_groups?limit=251")).ShouldBeV2ErrorAsync(HttpStatusCode.RequestEntityTooLarge);

        error[0].GetProperty("message").GetString().ShouldBe("The limit parameter exceeded the maximum of 250.");
    }

    [Theory]
    [InlineData("is_default=maybe", "The field 'is_default' is invalid.")]
    [InlineData("is_group_for_guests=2", "The field 'is_group_for_guests' is invalid.")]
    [InlineData("date_created:min=yesterday", "The field 'date_created:min' is invalid.")]
    [InlineData("date_modified=13/11/2012", "The field 'date_modified' is invalid.")]
    [InlineData("page=0", "The field 'page' is invalid.")]
    [InlineData("limit=abc", "The field 'limit' is invalid.")]
    [InlineData("min_id=1", "The field 'min_id' is not supported by this resource.")]
    [InlineData("name:in=Retail", "The field 'name:in' is not supported by this resource.")]
    public async Task A_bad_or_unknown_filter_is_400_naming_it_on_list_and_count(string query, string message)
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(1);

        foreach (var url in new[] { "customer_groups?", "customer_groups/count?" })
        {
            var error = await (await store.V2.GetAsync(url + query)).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
            error[0].GetProperty("message").GetString().ShouldBe(message);
        }
    }

    private static DateTime Instant(JsonElement group, string field) => DateTime.ParseExact(group.GetProperty(field).GetString()!,
        "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

public sealed class GroupListTests_Sqlite(SqliteApi api) : GroupListTests(api), IClassFixture<SqliteApi>;

public sealed class GroupListTests_Postgres(PostgresApi api) : GroupListTests(api), IClassFixture<PostgresApi>;
