using CustomerApi.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// What a test class gets: the shared application on its provider, and <see cref="NewStoreAsync"/> so each test
/// works in a store of its own (no cleanup, safe in parallel, never a global count).
/// </summary>
public abstract class ApiFixture
{
    // The file goes with the run's temp folder when the run ends.
    private static readonly Lazy<Task<ApiFactory>> Sqlite = new(() =>
        Task.FromResult(Started(new ApiFactory(StorageProvider.Sqlite, $"Data Source={TempFiles.NewPath("shared", ".db")}"))));

    private static readonly Lazy<Task<ApiFactory>> Postgres = new(async () =>
        Started(new ApiFactory(StorageProvider.Postgres, await PostgresServer.NewDatabaseAsync())));

    public abstract StorageProvider Provider { get; }

    public Task<ApiFactory> FactoryAsync() => (Provider == StorageProvider.Postgres ? Postgres : Sqlite).Value;

    /// <summary>A new store with one token; the client sends that token and talks to <c>/stores/{hash}/v2/</c>.</summary>
    public async Task<TestStore> NewStoreAsync(params string[] scopes) => await TestStore.NewOnAsync(await FactoryAsync(), scopes);

    /// <summary>A new store that defines <paramref name="formFields"/> (as configuration would), with one token of all of V2 and V3.</summary>
    public async Task<TestStore> NewStoreWithFormFieldsAsync(params CustomerApi.Bootstrap.FormFieldSeed[] formFields) =>
        await TestStore.NewWithFormFieldsOnAsync(await FactoryAsync(), formFields);

    /// <summary>A new store that knows <paramref name="channels"/> besides channel 1 (as configuration would), with one token of all of V2 and V3.</summary>
    public async Task<TestStore> NewStoreWithChannelsAsync(params CustomerApi.Bootstrap.ChannelSeed[] channels) =>
        await TestStore.NewWithChannelsOnAsync(await FactoryAsync(), channels);

    /// <summary>
    /// A started service of the test's own on the shared database, with <paramref name="settings"/> and extra
    /// <paramref name="services"/>: for behaviour that other settings change, or state (caches, limits) no other test
    /// may touch. The test disposes it.
    /// </summary>
    public async Task<ApiFactory> NewFactoryAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        Started(new ApiFactory(Provider, (await FactoryAsync()).ConnectionString, settings, services));

    /// <summary>A client with no token at all.</summary>
    public async Task<HttpClient> AnonymousClientAsync() => TestStore.Client(await FactoryAsync(), token: null, baseAddress: "http://localhost/");

    private static ApiFactory Started(ApiFactory factory)
    {
        _ = factory.Server; // builds the host: migrations and bootstrap run now, once
        return factory;
    }
}

public sealed class SqliteApi : ApiFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresApi : ApiFixture
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}
