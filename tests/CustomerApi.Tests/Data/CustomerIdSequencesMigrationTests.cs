using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Data;

/// <summary>
/// PostgreSQL's customer ids move from stores.last_customer_id to a sequence per store: a database upgraded with
/// stores in it continues each store after its last id, and stores made or deleted later get or lose their sequence.
/// </summary>
public sealed class CustomerIdSequencesMigrationTests
{
    [Fact]
    public async Task An_upgraded_store_continues_after_its_last_customer_id_and_new_stores_start_at_1()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = await PostgresServer.NewDatabaseAsync(),
        }).Build();
        var collection = new ServiceCollection();
        collection.AddStorage(configuration);
        await using var services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync("20261130000000_CustomerCountShards");
        await db.Database.ExecuteSqlAsync($"INSERT INTO stores (hash, date_created, last_customer_id) VALUES ('old', now(), 41)");
        await migrator.MigrateAsync();
        await db.Database.ExecuteSqlAsync($"INSERT INTO stores (hash, date_created, last_customer_id) VALUES ('new', now(), 0)");

        (await NextIdAsync(db, "old")).ShouldBe(42);
        (await NextIdAsync(db, "new")).ShouldBe(1);
        (await NextIdAsync(db, "new")).ShouldBe(2);

        await db.Database.ExecuteSqlAsync($"DELETE FROM stores WHERE hash = 'new'");
        (await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_sequences WHERE sequencename LIKE 'customer_ids_%'").ToListAsync())
            .Single().ShouldBe(1);
    }

    private static async Task<int> NextIdAsync(CustomerDbContext db, string hash) =>
        (await db.Database.SqlQuery<int>(
            $"SELECT nextval(('customer_ids_' || id)::regclass)::int AS \"Value\" FROM stores WHERE hash = {hash}").ToListAsync()).Single();
}
