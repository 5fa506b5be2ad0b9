using System.Globalization;
using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;
using CustomerApi.Tests.V3.AttributeValues;

namespace CustomerApi.Tests.V3.Customers;

/// <summary><c>GET /v3/customers</c> filters: each one matching and not, combined (AND), and the 422s for bad ones.</summary>
public abstract class ListFilterTests(ApiFixture api)
{
    /// <summary>
    /// Creates through V2, in this order (ids 1 to 5), with groups 1 to 3 existing:
    /// 1 Jane Doe jane@example.com, Acme, 555-0100, group 0, 10.0.0.1;
    /// 2 John Smith john@example.com, Globex, 555-0200, group 1, 10.0.0.2;
    /// 3 Jane Smith jane.smith@example.com, Acme, no phone, group 1, 10.0.0.1;
    /// 4 Janet Doe JANET@Example.com, Acme Corp, 555-0100, group 0, no address;
    /// 5 Mary-Jane Watson mj@example.com, Daily Bugle, 555-0300, group 2, 10.0.0.3.
    /// </summary>
    private static async Task<TestStore> SeededAsync(ApiFixture api)
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(3);
        var customers = new[]
        {
            ("jane@example.com", "Jane", "Doe", "Acme", "555-0100", 0, "10.0.0.1"),
            ("john@example.com", "John", "Smith", "Globex", "555-0200", 1, "10.0.0.2"),
            ("jane.smith@example.com", "Jane", "Smith", "Acme", "", 1, "10.0.0.1"),
            ("JANET@Example.com", "Janet", "Doe", "Acme Corp", "555-0100", 0, ""),
            ("mj@example.com", "Mary-Jane", "Watson", "Daily Bugle", "555-0300", 2, "10.0.0.3"),
        };
        var id = 0;
        foreach (var (email, first, last, company, phone, group, ip) in customers)
        {
            (await store.CreateCustomerAsync(email, new
            {
                first_name = first, last_name = last, company, phone, customer_group_id = group, registration_ip_address = ip,
            })).GetProperty("id").GetInt32().ShouldBe(++id);
        }

        return store;
    }

    /// <summary>Filters over <see cref="SeededAsync"/> and the ids each must list; an empty list means no match.</summary>
    public static TheoryData<string, int[]> FilterCases => new()
    {
        { "", [1, 2, 3, 4, 5] },
        { "id:in=2,4", [2, 4] },
        { "id:in=4,2,4", [2, 4] },
        { "id:in=5,9", [5] },
        { "id:in=9", [] },
        { "email:in=jane%40example.com", [1] },
        { "email:in=JANE%40EXAMPLE.COM", [1] },
        { "email:in=%20Jane%40Example.com%20%20", [1] },
        { "email:in=janet%40example.com", [4] },
        { "email:in=jane%40example.com,%20JANET%40example.COM", [1, 4] },
        { "email:in=jane", [] },
        { "email:in=jane%40example", [] },
        { "email:in=nobody%40example.com", [] },
        { "name:in=Jane%20Doe", [1] },
        { "name:in=JANE%20SMITH,janet%20doe", [3, 4] },
        { "name:in=%20jane%20doe%20", [1] },
        { "name:in=jane", [] },
        { "name:in=doe", [] },
        { "name:in=Jane%20Do", [] },
        { "name:in=Doe%20Jane", [] },
        { "name:like=smith", [2, 3] },
        { "name:like=SMITH", [2, 3] },
        { "name:like=jane", [1, 3, 4, 5] },
        { "name:like=doe,john", [1, 2, 4] },
        { "name:like=e%20d", [1] },
        { "name:like=ne%20s", [3] },
        { "name:like=zzz", [] },
        { "name:like=zzz,WATSON", [5] },
        { "name:like=mary-jane%20w", [5] },
        { "name:like=_", [] },
        { "name:like=%25", [] },
        { "name:like=j_ne", [] },
        { "name:like=j%25e", [] },
        { "name:like=%5C", [] },
        { "name:like=jane%20doe%20x", [] },
        { "company:in=Acme", [1, 3] },
        { "company:in=Acme%20Corp", [4] },
        { "company:in=Acme,Globex", [1, 2, 3] },
        { "company:in=Acm", [] },
        { "customer_group_id:in=0", [1, 4] },
        { "customer_group_id:in=1", [2, 3] },
        { "customer_group_id:in=0,2", [1, 4, 5] },
        { "customer_group_id:in=3", [] },
        { "customer_group_id:in=99", [] },
        { "customer_group_id:in=", [] },
        { "id:in=", [] },
        { "date_created:max=253402300799", [1, 2, 3, 4, 5] },
        { "phone:in=555-0100", [1, 4] },
        { "phone:in=555-0100,555-0300", [1, 4, 5] },
        { "phone:in=555-01", [] },
        { "registration_ip_address:in=10.0.0.1", [1, 3] },
        { "registration_ip_address:in=10.0.0.2,10.0.0.3", [2, 5] },
        { "registration_ip_address:in=10.0.0", [] },
        { "name:like=jane&company:in=Acme", [1, 3] },
        { "name:like=jane&customer_group_id:in=0", [1, 4] },
        { "email:in=jane%40example.com,john%40example.com&customer_group_id:in=1", [2] },
        { "id:in=1,2,3&phone:in=555-0100", [1] },
        { "company:in=Acme&registration_ip_address:in=10.0.0.1&name:in=jane%20smith", [3] },
        { "name:like=doe&customer_group_id:in=1", [] },
        { "id:in=4&email:in=jane%40example.com", [] },
        { "name:in=jane%20doe,janet%20doe&name:like=janet", [4] },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Each_filter_lists_exactly_its_matches_and_filters_combine_with_AND(string query, int[] expected)
    {
        var store = await SeededAsync(api);

        var body = await store.ListV3Async(query);

        body.ListedIds().ShouldBe(expected, query);
        body.Pagination().GetProperty("total").GetInt32().ShouldBe(expected.Length, query);
        body.Pagination().GetProperty("count").GetInt32().ShouldBe(expected.Length, query);
        body.CursorPagination().GetProperty("count").GetInt32().ShouldBe(expected.Length, query);
    }

    [Fact]
    public async Task A_filtered_list_pages_over_its_matches_only()
    {
        var store = await SeededAsync(api);

        var first = await store.ListV3Async("name:like=jane&limit=2");
        var second = await store.ListV3Async("name:like=jane&limit=2&page=2");

        first.ListedIds().ShouldBe([1, 3]);
        second.ListedIds().ShouldBe([4, 5]);
        foreach (var page in new[] { first, second })
        {
            page.Pagination().GetProperty("total").GetInt32().ShouldBe(4);
            page.Pagination().GetProperty("total_pages").GetInt32().ShouldBe(2);
        }

        var after = await store.ListV3Async(first.CursorLink("next", "name:like=jane")!);
        after.ListedIds().ShouldBe([4, 5]);
        after.CursorPagination().GetProperty("links").TryGetProperty("next", out _).ShouldBeFalse("nothing matches after 5");
    }

    [Fact]
    public async Task A_filter_sees_names_and_emails_changed_through_V2()
    {
        var store = await SeededAsync(api);
        (await store.V2.PutJsonAsync("customers/1", new { first_name = "Joan", last_name = "Rivers", email = "Joan@Example.org" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await store.ListedIdsAsync("name:in=joan%20rivers")).ShouldBe([1]);
        (await store.ListedIdsAsync("name:like=n%20r")).ShouldBe([1]);
        (await store.ListedIdsAsync("name:in=jane%20doe")).ShouldBeEmpty();
        (await store.ListedIdsAsync("email:in=joan%40example.org")).ShouldBe([1]);
        (await store.ListedIdsAsync("email:in=jane%40example.com")).ShouldBeEmpty();
    }

    /// <summary>name:like takes as many fragments as the other list filters take values (IdList.MaxCount, 5000).</summary>
    [Theory]
    [InlineData(1500)]
    [InlineData(5000)]
    public async Task Name_like_takes_as_many_fragments_as_the_other_list_filters(int count)
    {
        var store = await SeededAsync(api);
        var misses = Enumerable.Range(0, count - 1).Select(i => $"z{i}").ToList();

        (await store.ListedIdsAsync("name:like=" + string.Join(',', misses.Append("smith")))).ShouldBe([2, 3]);
        (await store.ListedIdsAsync("name:like=" + string.Join(',', misses.Prepend("doe")))).ShouldBe([1, 4]);
        (await store.ListedIdsAsync("name:like=" + string.Join(',', misses.Append("qq")))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Name_like_with_more_than_5000_fragments_is_422()
    {
        var store = await api.NewStoreAsync();

        await (await store.V3.GetAsync($"{CustomerListV3.Url}?name:like={string.Join(',', Enumerable.Range(0, 5001).Select(i => $"z{i}"))}"))
            .ShouldBeBadFilterAsync("name:like", "name:like");
    }

    [Fact]
    public async Task Names_match_ignoring_case_beyond_ASCII_too()
    {
        var store = await api.NewStoreAsync();
        await store.PostCustomersV3Async(
            CustomerListV3.NewCustomer("elodie@example.com", "Élodie", "Ångström"),
            CustomerListV3.NewCustomer("eric@example.com", "Eric", "Angstrom"));

        (await store.ListedIdsAsync($"name:in={Uri.EscapeDataString("ÉLODIE ångström")}")).ShouldBe([1]);
        (await store.ListedIdsAsync($"name:like={Uri.EscapeDataString("ÅNGS")}")).ShouldBe([1]);
        (await store.ListedIdsAsync("name:like=angs")).ShouldBe([2]);
        (await store.ListedIdsAsync($"name:like={Uri.EscapeDataString("é")}")).ShouldBe([1]);
    }

    /// <summary>
    /// Customer 1 is created at T0 and updated at T2, customer 2 created at T1 (T0 &lt; T1 &lt; T2, whole seconds).
    /// <c>:min</c> and <c>:max</c> are inclusive; the plain form matches that second (or that day, for a bare date).
    /// </summary>
    [Fact]
    public async Task Date_filters_bound_created_and_modified_separately_and_inclusively()
    {
        var store = await api.NewStoreAsync();
        await store.PostCustomersV3Async(CustomerListV3.NewCustomer("first@example.com"));
        await Task.Delay(1100); // dates have whole seconds
        await store.PostCustomersV3Async(CustomerListV3.NewCustomer("second@example.com"));
        await Task.Delay(1100);
        (await store.V3.PutJsonAsync(CustomerListV3.Url, new[] { new { id = 1, notes = "later" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await store.ListV3Async()).Data();
        var t0 = listed[0].Instant("date_created");
        var t1 = listed[1].Instant("date_created");
        var t2 = listed[0].Instant("date_modified");
        listed[1].Instant("date_modified").ShouldBe(t1);
        t0.ShouldBeLessThan(t1);
        t1.ShouldBeLessThan(t2);
        static string Iso(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        static string Z(DateTime at) => Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var cases = new (string Query, int[] Ids)[]
        {
            ($"date_created:min={Iso(t1)}", [2]),
            ($"date_created:min={Z(t0)}", [1, 2]),
            ($"date_created:min={Iso(t1.AddSeconds(1))}", []),
            ($"date_created:max={Iso(t0)}", [1]),
            ($"date_created:max={Z(t1)}", [1, 2]),
            ($"date_created:max={Iso(t0.AddSeconds(-1))}", []),
            ($"date_created:min={Iso(t0)}&date_created:max={Iso(t0)}", [1]),
            ($"date_created:min={Iso(t1)}&date_created:max={Iso(t0)}", []),
            ($"date_created={Iso(t1)}", [2]),
            ($"date_created={Z(t0)}", [1]),
            ($"date_created={Iso(t2)}", []),
            ($"date_modified:min={Iso(t2)}", [1]),
            ($"date_modified:min={Iso(t1)}", [1, 2]),
            ($"date_modified:max={Iso(t1)}", [2]),
            ($"date_modified:max={Iso(t0)}", []),
            ($"date_modified={Z(t2)}", [1]),
            ($"date_modified={Iso(t0)}", []),
            // created first, modified last: the two columns are filtered separately
            ($"date_created:max={Iso(t0)}&date_modified:min={Iso(t2)}", [1]),
            ($"date_created:min={Iso(t1)}&date_modified:min={Iso(t2)}", []),
            ($"date_created:min={Iso(t0)}&email:in=second%40example.com", [2]),
            ($"date_created:min={Iso(t1)}&email:in=first%40example.com", []),
            ($"date_created={Day(t0)}", t1.Date == t0.Date ? [1, 2] : [1]),
            ($"date_created:min={Day(t0.AddDays(1))}", []),
            ($"date_modified:max={Day(t0.AddDays(-1))}", []),
        };

        foreach (var (query, ids) in cases)
        {
            var body = await store.ListV3Async(query);
            body.ListedIds().ShouldBe(ids, query);
            body.Pagination().GetProperty("total").GetInt32().ShouldBe(ids.Length, query);
        }
    }

    /// <summary>Bad filters, includes, sorts and paging: the V3 filter 422, naming the parameters and giving a reason for bad values.</summary>
    [Theory]
    [InlineData("foo=1", "foo")]
    [InlineData("customer_id:in=1", "customer_id:in")]
    [InlineData("email=jane%40example.com", "email")]
    [InlineData("name:like=jane&nonsense=1", "nonsense")]
    [InlineData("id:in=abc", "id:in", "id:in")]
    [InlineData("id:in=1,-2", "id:in", "id:in")]
    [InlineData("customer_group_id:in=x", "customer_group_id:in", "customer_group_id:in")]
    [InlineData("customer_group_id:in=-1", "customer_group_id:in", "customer_group_id:in")]
    [InlineData("date_created:max=253402300800", "date_created:max", "date_created:max")]
    [InlineData("date_created:min=yesterday", "date_created:min", "date_created:min")]
    [InlineData("date_modified=2024-13-45", "date_modified", "date_modified")]
    [InlineData("include=orders", "include", "include")]
    [InlineData("include=addresses,orders", "include", "include")]
    [InlineData("sort=email:asc", "sort", "sort")]
    [InlineData("sort=last_name", "sort", "sort")]
    [InlineData("sort=id:asc", "sort", "sort")]
    [InlineData("page=0", "page", "page")]
    [InlineData("limit=0", "limit", "limit")]
    [InlineData("limit=abc", "limit", "limit")]
    [InlineData("email:in=a%00b%40example.com", "email:in", "email:in")]
    public async Task A_bad_or_unknown_parameter_is_422(string query, string names, params string[] badValues)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(1);

        await (await store.V3.GetAsync($"{CustomerListV3.Url}?{query}")).ShouldBeBadFilterAsync(names, badValues);
    }
}

public sealed class ListFilterTests_Sqlite(SqliteApi api) : ListFilterTests(api), IClassFixture<SqliteApi>;

public sealed class ListFilterTests_Postgres(PostgresApi api) : ListFilterTests(api), IClassFixture<PostgresApi>;
