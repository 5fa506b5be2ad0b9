using System.Net;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Admin.Seed;

/// <summary>Seeding as a write: refused whole when it cannot be done, adding to a store that has data, alongside clients' writes, and only to its store.</summary>
public abstract class SeedWriteTests(ApiFixture api)
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"customers": -1}""", "customers" },
        { """{"customers": 10001}""", "customers" },
        { """{"addresses_per_customer": 11}""", "addresses_per_customer" },
        { """{"addresses_per_customer": -1}""", "addresses_per_customer" },
        { """{"groups": 101}""", "groups" },
        { """{"attributes": 51}""", "attributes" },
        { """{"customers": 5, "customer": 5}""", "customer" },
        { """{"customers": "ten"}""", "customers" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_422_naming_the_field_and_writes_nothing(string body, string field)
    {
        var admin = await api.AdminAsync();
        var (hash, v2, v3) = await api.NewAdminStoreAsync(admin);

        var refused = await (await admin.PostJsonAsync($"admin/stores/{hash}/seed", body)).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("status").GetInt32().ShouldBe(422);
        refused.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        refused.GetProperty("errors").GetProperty(field).GetString().ShouldNotBeNullOrWhiteSpace();
        await ShouldBeEmptyAsync(v2, v3);
    }

    [Fact]
    public async Task More_attributes_than_the_store_has_room_for_is_422_and_writes_nothing()
    {
        var admin = await api.AdminAsync();
        var (hash, v2, v3) = await api.NewAdminStoreAsync(admin);
        await admin.SeedAsync(hash, new { customers = 0, attributes = 48 });

        var refused = await (await admin.PostJsonAsync($"admin/stores/{hash}/seed", new { customers = 5, groups = 2, attributes = 3 }))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("errors").GetProperty("attributes").GetString()!.ShouldContain("2 more");
        (await v2.GetFromJsonCountAsync()).ShouldBe(0);
        (await v3.AllV3Async("customers/attributes")).Total.ShouldBe(48);
        (await v2.AllV2Async("customer_groups")).ShouldBeEmpty();
        (await admin.SeedAsync(hash, new { customers = 0, attributes = 2 })).GetProperty("attribute_ids").EnumerateArray()
            .Select(a => a.GetInt32()).ShouldBe([49, 50]);
    }

    [Fact]
    public async Task An_unknown_store_is_404()
    {
        var admin = await api.AdminAsync();

        var response = await admin.PostJsonAsync($"admin/stores/{TestStore.NewHash()}/seed", new { customers = 3 });

        (await response.ShouldBeAsync(HttpStatusCode.NotFound)).GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Seeding_twice_adds_to_the_store_with_ids_continuing_and_no_clash()
    {
        var admin = await api.AdminAsync();
        var (hash, v2, v3) = await api.NewAdminStoreAsync(admin);
        var plan = new { customers = 30, addresses_per_customer = 1, groups = 3, attributes = 3, seed = 5 };

        await admin.SeedAsync(hash, plan);
        var second = await admin.SeedAsync(hash, plan);

        second.GetProperty("first_customer_id").GetInt32().ShouldBe(31);
        second.GetProperty("last_customer_id").GetInt32().ShouldBe(60);
        second.GetProperty("group_ids").EnumerateArray().Select(g => g.GetInt32()).ShouldBe([4, 5, 6]);
        (await v2.GetFromJsonCountAsync()).ShouldBe(60);
        var customers = await v2.AllV2Async("customers");
        customers.Select(c => c.GetProperty("email").GetString()!.ToLowerInvariant()).Distinct().Count().ShouldBe(60);
        (await v2.AllV2Async("customer_groups")).Select(g => g.GetProperty("name").GetString()!.ToLowerInvariant()).Distinct().Count().ShouldBe(6);
        (await v3.AllV3Async("customers/attributes")).Items.Select(a => a.GetProperty("name").GetString()!.ToLowerInvariant()).Distinct().Count().ShouldBe(6);
        (await v3.AllV3Async("customers/addresses")).Items.Select(a => a.GetProperty("id").GetInt32()).Order().ShouldBe(Enumerable.Range(1, 60));
    }

    [Fact]
    public async Task Customers_seeded_without_new_groups_join_the_groups_the_store_has()
    {
        var admin = await api.AdminAsync();
        var (hash, v2, _) = await api.NewAdminStoreAsync(admin);
        await admin.SeedAsync(hash, new { customers = 0, groups = 3 });

        await admin.SeedAsync(hash, new { customers = 40, groups = 0 });

        var groups = (await v2.AllV2Async("customers")).Select(c => c.GetProperty("customer_group_id").GetInt32()).ToList();
        groups.ShouldAllBe(g => g >= 0 && g <= 3);
        groups.Distinct().Count().ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task An_email_a_client_already_holds_stays_the_clients_and_the_seeded_customer_gets_another()
    {
        var admin = await api.AdminAsync();
        var seededEmail = await EmailSeededAfterOneClientCustomerAsync(admin, seed: 77);
        var (hash, v2, _) = await api.NewAdminStoreAsync(admin);
        await CreateCustomerAsync(v2, seededEmail.ToUpperInvariant());

        await admin.SeedAsync(hash, new { customers = 3, seed = 77 });

        var emails = (await v2.AllV2Async("customers")).Select(c => c.GetProperty("email").GetString()!.ToLowerInvariant()).ToList();
        emails.Count.ShouldBe(4);
        emails.Distinct().Count().ShouldBe(4);
        emails[1].ShouldBe(seededEmail.Replace("@", "+1@", StringComparison.Ordinal));
        (await v2.GetFromJsonCountAsync($"?email={Uri.EscapeDataString(seededEmail)}")).ShouldBe(1);
    }

    [Fact]
    public async Task A_client_create_of_a_seeded_email_still_in_flight_holds_the_seed_back_and_keeps_the_email()
    {
        var admin = await api.AdminAsync();
        var seededEmail = await EmailSeededAfterOneClientCustomerAsync(admin, seed: 31);
        var (hash, v2, _) = await api.NewAdminStoreAsync(admin);

        // A create as the public API makes it (CustomerWritesV3), stopped between its insert and its commit: it holds its
        // email, and so the store's lock of every email shared, which the seed waits for.
        var factory = await api.FactoryAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var storeId = await db.Stores.Where(s => s.Hash == hash).Select(s => s.Id).SingleAsync();
        Task<HttpResponseMessage> seeding;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await EmailClaims.LockAsync(db, storeId, [seededEmail], default);
            var client = new Customer
            {
                StoreId = storeId, FirstName = "", LastName = "", Email = seededEmail, EmailKey = seededEmail,
                DateCreated = DateTime.UtcNow, DateModified = DateTime.UtcNow,
            };
            client.SetNames("In", "Flight");
            (await CustomerInserts.InsertLockedAsync(db, [client], default)).ShouldBe(1);

            seeding = admin.PostJsonAsync($"admin/stores/{hash}/seed", new { customers = 2, seed = 31 });
            await Task.Delay(TimeSpan.FromSeconds(1));
            seeding.IsCompleted.ShouldBeFalse("the seed waits for the email's lock");
            await transaction.CommitAsync();
        }

        await (await seeding).ShouldBeAsync(HttpStatusCode.Created);
        var emails = (await v2.AllV2Async("customers")).Select(c => c.GetProperty("email").GetString()!).ToList();
        emails[0].ShouldBe(seededEmail);
        emails[1].ShouldBe(seededEmail.Replace("@", "+1@", StringComparison.Ordinal));
        (await v2.GetFromJsonCountAsync($"?email={Uri.EscapeDataString(seededEmail)}")).ShouldBe(1);
    }

    [Fact]
    public async Task Seeding_one_store_leaves_another_untouched()
    {
        var admin = await api.AdminAsync();
        var (other, otherV2, otherV3) = await api.NewAdminStoreAsync(admin);
        var mine = await CreateCustomerAsync(otherV2, "kept@example.com");
        var (hash, _, _) = await api.NewAdminStoreAsync(admin);

        await admin.SeedAsync(hash, new { customers = 50, addresses_per_customer = 2, groups = 3, attributes = 3 });

        var customers = await otherV2.AllV2Async("customers");
        customers.Count.ShouldBe(1);
        customers[0].ToString().ShouldBe(mine.ToString());
        (await otherV2.AllV2Async("customer_groups")).ShouldBeEmpty();
        (await otherV3.AllV3Async("customers/attributes")).Total.ShouldBe(0);
        (await otherV3.AllV3Async("customers/addresses")).Total.ShouldBe(0);
        (await admin.SeedAsync(other, new { customers = 1 })).GetProperty("first_customer_id").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Clients_creating_customers_while_the_store_is_seeded_keep_every_id_email_and_count_right()
    {
        var admin = await api.AdminAsync();
        var (hash, v2, v3) = await api.NewAdminStoreAsync(admin);

        var seeding = admin.PostJsonAsync($"admin/stores/{hash}/seed", new { customers = 300, addresses_per_customer = 1, groups = 2 });
        var creates = Enumerable.Range(0, 20).Select(i => v2.PostJsonAsync("customers", new { first_name = "Racing", last_name = $"Client{i}", email = $"race{i}@example.com" }));
        var answers = await Task.WhenAll(creates.Prepend(seeding));

        await answers[0].ShouldBeAsync(HttpStatusCode.Created);
        answers.Skip(1).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        (await v2.GetFromJsonCountAsync()).ShouldBe(320);
        var (listed, total) = await v3.AllV3Async("customers");
        total.ShouldBe(320);
        listed.Select(c => c.GetProperty("id").GetInt32()).Distinct().Count().ShouldBe(320);
        listed.Select(c => c.GetProperty("email").GetString()!.ToLowerInvariant()).Distinct().Count().ShouldBe(320);
        (await v3.AllV3Async("customers/addresses")).Total.ShouldBe(300);
    }

    /// <summary>
    /// The email <paramref name="seed"/> gives customer 2 of a store whose customer 1 a client made: seeded emails end in
    /// the customer's id, so this is the one a seed into such a store gives its first customer.
    /// </summary>
    private async Task<string> EmailSeededAfterOneClientCustomerAsync(HttpClient admin, int seed)
    {
        var (probe, v2, _) = await api.NewAdminStoreAsync(admin);
        await CreateCustomerAsync(v2, "first@example.com");
        await admin.SeedAsync(probe, new { customers = 1, seed });
        return (await (await v2.GetAsync("customers/2")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("email").GetString()!;
    }

    private static async Task<System.Text.Json.JsonElement> CreateCustomerAsync(HttpClient v2, string email) =>
        await (await v2.PostJsonAsync("customers", new { first_name = "Client", last_name = "Made", email })).ShouldBeAsync(HttpStatusCode.Created);

    private static async Task ShouldBeEmptyAsync(HttpClient v2, HttpClient v3)
    {
        (await v2.GetFromJsonCountAsync()).ShouldBe(0);
        (await v2.AllV2Async("customer_groups")).ShouldBeEmpty();
        (await v3.AllV3Async("customers/attributes")).Total.ShouldBe(0);
    }
}

public sealed class SeedWriteTests_Sqlite(SqliteApi api) : SeedWriteTests(api), IClassFixture<SqliteApi>;

public sealed class SeedWriteTests_Postgres(PostgresApi api) : SeedWriteTests(api), IClassFixture<PostgresApi>;
