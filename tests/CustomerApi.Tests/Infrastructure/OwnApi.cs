using CustomerApi.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// The application on a new database of its own (a SQLite file or a PostgreSQL database), for the few tests that need a
/// host unlike the shared one: on a real Kestrel server, with other settings, or with its logs captured. Disposing
/// stops it and removes a SQLite file.
/// </summary>
public sealed class OwnApi : IAsyncDisposable
{
    private readonly string _sqliteFile;

    private OwnApi(ApiFactory factory, string sqliteFile, Uri? kestrelAddress) =>
        (Factory, _sqliteFile, KestrelAddress) = (factory, sqliteFile, kestrelAddress);

    public ApiFactory Factory { get; }

    /// <summary>Where the real Kestrel server listens (on a loopback port); null for the in-memory test server.</summary>
    public Uri? KestrelAddress { get; }

    public static async Task<OwnApi> StartAsync(StorageProvider provider, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IWebHostBuilder>? configure = null, bool kestrel = false)
    {
        var sqliteFile = TempFiles.NewPath("own", ".db");
        var connection = provider == StorageProvider.Postgres ? await PostgresServer.NewDatabaseAsync() : $"Data Source={sqliteFile}";
        var factory = new ApiFactory(provider, connection, settings, configure: configure);
        Uri? address = null;
        if (kestrel)
        {
            factory.UseKestrel(0);
            factory.StartServer();
            address = new Uri(factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        }
        else
        {
            _ = factory.Server; // migrates now
        }

        return new OwnApi(factory, sqliteFile, address);
    }

    /// <summary>A new store with one token of all scopes (see <see cref="TestStore.NewOnAsync"/>), whose clients talk to this application.</summary>
    public async Task<TestStore> NewStoreAsync()
    {
        var store = await TestStore.NewOnAsync(Factory);
        return KestrelAddress is null ? store : new TestStore(Factory, store.Hash, store.Token, KestrelAddress.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_sqliteFile + suffix);
        }
    }
}
