using System.Net;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Admin.Seed;

/// <summary>
/// The lock a seed holds instead of one per new email (EmailClaims.LockEveryEmailAsync): the store's creates, through
/// either version, wait for it and then go through; on PostgreSQL another store's do not wait at all.
/// </summary>
public abstract class EveryEmailLockTests(ApiFixture api)
{
    [Fact]
    public async Task While_a_stores_emails_are_all_locked_its_creates_wait_then_succeed()
    {
        var admin = await api.AdminAsync();
        var (hash, v2, v3) = await api.NewAdminStoreAsync(admin);
        var (_, otherV2, _) = await api.NewAdminStoreAsync(admin);
        await (await v2.PostJsonAsync("customers", Customer("warm-v2@example.com"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await v3.PostJsonAsync("customers", new[] { Customer("warm-v3@example.com") })).ShouldBeAsync(HttpStatusCode.OK);

        var factory = await api.FactoryAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var storeId = await db.Stores.Where(s => s.Hash == hash).Select(s => s.Id).SingleAsync();
        Task<HttpResponseMessage> v2Create, v3Create;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await StoreLock.AcquireAsync(db, storeId, default);
            await EmailClaims.LockEveryEmailAsync(db, storeId, default);
            v2Create = v2.PostJsonAsync("customers", Customer("waits-v2@example.com"));
            v3Create = v3.PostJsonAsync("customers", new[] { Customer("waits-v3@example.com") });
            if (api.Provider == StorageProvider.Postgres)
            {
                // SQLite has one writer for every store; PostgreSQL's lock is the store's alone.
                await (await otherV2.PostJsonAsync("customers", Customer("elsewhere@example.com"))).ShouldBeAsync(HttpStatusCode.Created);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            v2Create.IsCompleted.ShouldBeFalse();
            v3Create.IsCompleted.ShouldBeFalse();
            await transaction.CommitAsync();
        }

        await (await v2Create).ShouldBeAsync(HttpStatusCode.Created);
        await (await v3Create).ShouldBeAsync(HttpStatusCode.OK);
        (await v2.GetFromJsonCountAsync()).ShouldBe(4);
    }

    private static object Customer(string email) => new { first_name = "Lock", last_name = "Waiter", email };
}

public sealed class EveryEmailLockTests_Sqlite(SqliteApi api) : EveryEmailLockTests(api), IClassFixture<SqliteApi>;

public sealed class EveryEmailLockTests_Postgres(PostgresApi api) : EveryEmailLockTests(api), IClassFixture<PostgresApi>;
