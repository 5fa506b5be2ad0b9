using System.Diagnostics;
using System.Net;
using System.Text;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Customers;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Every request's work is bounded: batches over their cap and lists over theirs are refused before any item is looked
/// at, fast, and while one store sends them another store is served as usual.
/// </summary>
public abstract class BoundedWorkTests(ApiFixture api)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);

    public static TheoryData<string, string, int> BatchCaps => new()
    {
        { "POST", AttributesUrl, 50 },
        { "PUT", AttributesUrl, 50 },
        { "PUT", ValuesUrl, 500 },
    };

    [Theory]
    [MemberData(nameof(BatchCaps))]
    public async Task A_batch_one_over_its_cap_is_413_and_writes_nothing(string method, string url, int cap)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("held@example.com");

        var response = await store.V3.SendAsync(Request(method, url, Batch(url, cap + 1)));

        var error = await response.ShouldBeV3ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        error.GetProperty("title").GetString()
            .ShouldBe($"The request payload is too large. The maximum number of items allowed in the array is {cap}.");
        (await store.AttributeNamesAsync()).ShouldBeEmpty();
        (await store.ValueTextsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_batch_at_its_cap_is_served()
    {
        var store = await api.NewStoreAsync();

        var response = await store.V3.PostJsonAsync(AttributesUrl, Enumerable.Range(1, 50).Select(i => new { name = $"A{i}", type = "string" }).ToArray());

        (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Length.ShouldBe(50);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    public async Task A_near_megabyte_attribute_batch_is_refused_at_once_while_another_store_is_served(string method)
    {
        var big = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateCustomerAsync("first@example.com");
        // About 930 KB: sixteen thousand items, each of a name of its own.
        var body = "[" + string.Join(',', Enumerable.Range(1, 16_000).Select(i => $$"""{"id":{{i}},"name":"Attribute number {{i}}","type":"string"}""")) + "]";
        Encoding.UTF8.GetByteCount(body).ShouldBeInRange(900_000, 1_000_000);

        var clock = Stopwatch.StartNew();
        var bigRequest = big.V3.SendAsync(Request(method, AttributesUrl, body));
        var otherTimes = new List<TimeSpan>();
        for (var i = 0; i < 5 && !bigRequest.IsCompleted || i == 0; i++)
        {
            var started = clock.Elapsed;
            var served = await other.V2.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = $"other{i}@example.com" });
            await served.ShouldBeAsync(HttpStatusCode.Created);
            otherTimes.Add(clock.Elapsed - started);
        }

        var response = await bigRequest;
        var bigTook = clock.Elapsed;
        await response.ShouldBeV3ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        bigTook.ShouldBeLessThan(Prompt * 3, "the cap is judged before any item is");
        otherTimes.ShouldAllBe(t => t < Prompt);
        (await big.AttributeNamesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_group_may_list_1000_categories_and_no_more()
    {
        var store = await api.NewStoreAsync();

        var tooMany = await store.V2.PostJsonAsync("customer_groups", Group("Too many", 1001));
        var atCap = await store.V2.PostJsonAsync("customer_groups", Group("At the cap", 1000));

        await tooMany.ShouldBeV2BadRequestNamingAsync("category_access.categories");
        var created = await atCap.ShouldBeAsync(HttpStatusCode.Created);
        created.GetProperty("category_access").GetProperty("categories").GetArrayLength().ShouldBe(1000);
    }

    [Fact]
    public async Task A_group_may_have_1000_discount_rules_and_no_more()
    {
        var store = await api.NewStoreAsync();
        object Rules(int count) => new
        {
            name = $"Rules {count}",
            discount_rules = Enumerable.Range(1, count).Select(i => new { type = "product", product_id = i, method = "percent", amount = 5 }).ToArray(),
        };

        var tooMany = await store.V2.PostJsonAsync("customer_groups", Rules(1001));
        var atCap = await store.V2.PostJsonAsync("customer_groups", Rules(1000));

        await tooMany.ShouldBeV2BadRequestNamingAsync("discount_rules");
        (await atCap.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("discount_rules").GetArrayLength().ShouldBe(1000);
    }

    [Fact]
    public async Task A_list_of_250_customers_with_the_longest_notes_is_streamed_whole()
    {
        var store = await api.NewStoreAsync();
        var notes = new string('n', 65_535);
        for (var i = 1; i <= 250; i++)
        {
            await store.CreateCustomerAsync($"long{i}@example.com", new { notes });
        }

        var page = await store.V2.CustomersAsync("limit=250");

        page.Length.ShouldBe(250);
        page.Select(c => c.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(1, 250));
        page.ShouldAllBe(c => c.GetProperty("notes").GetString() == notes);
        page[^1].GetProperty("addresses").GetProperty("resource").GetString().ShouldBe("/customers/250/addresses");
    }

    private static object Group(string name, int categories) =>
        new { name, category_access = new { type = "specific", categories = Enumerable.Range(1, categories).ToArray() } };

    /// <summary><paramref name="count"/> well-formed items for the batch at <paramref name="url"/>.</summary>
    private static string Batch(string url, int count) => System.Text.Json.JsonSerializer.Serialize(url == ValuesUrl
        ? Enumerable.Range(0, count).Select(i => (object)new { customer_id = 1, attribute_id = i + 1, value = "x" }).ToArray()
        : Enumerable.Range(1, count).Select(i => (object)new { id = i, name = $"Attribute {i}", type = "string" }).ToArray());
}

public sealed class BoundedWorkTests_Sqlite(SqliteApi api) : BoundedWorkTests(api), IClassFixture<SqliteApi>;

public sealed class BoundedWorkTests_Postgres(PostgresApi api) : BoundedWorkTests(api), IClassFixture<PostgresApi>;
