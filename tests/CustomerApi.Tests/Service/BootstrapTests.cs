using System.Net;
using CustomerApi.Bootstrap;
using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Service;

public abstract class BootstrapTests(ApiFixture api)
{
    [Fact]
    public async Task The_configured_store_exists_with_its_read_only_token_and_no_demo_store()
    {
        var factory = await api.FactoryAsync();
        var client = TestStore.Client(factory, ApiFactory.BootstrapStore.Token, $"http://localhost/stores/{ApiFactory.BootstrapStore.Hash}/v2/");

        (await client.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "a@b.co" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var demo = TestStore.Client(factory, DemoStore.Token, $"http://localhost/stores/{DemoStore.Hash}/v2/");
        (await demo.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bootstrapping_again_changes_nothing_but_updated_scopes()
    {
        var store = await api.NewStoreAsync(Scopes.Customers + Scopes.ReadOnlySuffix);
        await using var scope = store.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var seed = new StoreSeed { Hash = store.Hash, Tokens = [new TokenSeed { AccessToken = store.Token, Scopes = [Scopes.Customers] }] };

        await StoreBootstrapper.EnsureAsync(db, [seed], TimeProvider.System, default);
        await StoreBootstrapper.EnsureAsync(db, [seed], TimeProvider.System, default);

        (await db.Stores.CountAsync(s => s.Hash == store.Hash)).ShouldBe(1);
        var tokens = await db.ApiTokens.Where(t => db.Stores.Any(s => s.Id == t.StoreId && s.Hash == store.Hash)).ToListAsync();
        tokens.Count.ShouldBe(1);
        tokens[0].Scopes.ShouldBe(Scopes.Customers);
        tokens[0].TokenHash.ShouldNotBe(System.Text.Encoding.UTF8.GetBytes(store.Token), "tokens are stored hashed");
    }
}

public sealed class BootstrapTests_Sqlite(SqliteApi api) : BootstrapTests(api), IClassFixture<SqliteApi>;

public sealed class BootstrapTests_Postgres(PostgresApi api) : BootstrapTests(api), IClassFixture<PostgresApi>;
