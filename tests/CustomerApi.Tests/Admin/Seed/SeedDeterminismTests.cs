using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Seed;

/// <summary>The same seed and request on two empty stores make the same data; another seed makes other data.</summary>
public abstract class SeedDeterminismTests(ApiFixture api)
{
    private static object Plan(int seed) => new { customers = 40, addresses_per_customer = 2, groups = 3, attributes = 5, seed };

    [Fact]
    public async Task The_same_seed_on_two_new_stores_makes_the_same_data()
    {
        var first = await api.NewSeededStoreAsync(Plan(1234));
        var second = await api.NewSeededStoreAsync(Plan(1234));

        var data = await first.ComparableDataAsync();
        data.ShouldBe(await second.ComparableDataAsync());
        data.Length.ShouldBeGreaterThan(10_000); // it compared something
    }

    [Fact]
    public async Task Another_seed_makes_other_customers_groups_and_attributes()
    {
        var first = await api.NewSeededStoreAsync(Plan(1));
        var second = await api.NewSeededStoreAsync(Plan(2));

        var emails = await Emails(first);
        emails.Intersect(await Emails(second)).ShouldBeEmpty();
        (await first.ComparableDataAsync()).ShouldNotBe(await second.ComparableDataAsync());
    }

    [Fact]
    public async Task Without_a_seed_the_default_one_is_used_and_the_data_is_the_same_every_time()
    {
        var implicitSeed = await api.NewSeededStoreAsync(new { customers = 15 });
        var explicitSeed = await api.NewSeededStoreAsync(new { customers = 15, addresses_per_customer = 1, groups = 0, attributes = 0, seed = 1 });

        implicitSeed.Summary.GetProperty("seed").GetInt32().ShouldBe(1);
        (await implicitSeed.ComparableDataAsync()).ShouldBe(await explicitSeed.ComparableDataAsync());
    }

    [Fact]
    public async Task Dates_are_spread_over_the_past_in_id_order()
    {
        var store = await api.NewSeededStoreAsync(new { customers = 30 });

        var created = (await store.V3.AllV3Async("customers")).Items.Select(c => c.GetProperty("date_created").GetDateTime()).ToList();
        created.ShouldBe(created.Order().ToList());
        (created[^1] - created[0]).ShouldBeGreaterThan(TimeSpan.FromHours(1));
        created[^1].ShouldBeLessThanOrEqualTo(DateTime.UtcNow.AddSeconds(1));
    }

    private static async Task<List<string>> Emails(SeededStore store) =>
        (await store.V2.AllV2Async("customers")).Select(c => c.GetProperty("email").GetString()!).ToList();
}

public sealed class SeedDeterminismTests_Sqlite(SqliteApi api) : SeedDeterminismTests(api), IClassFixture<SqliteApi>;

public sealed class SeedDeterminismTests_Postgres(PostgresApi api) : SeedDeterminismTests(api), IClassFixture<PostgresApi>;
