using CustomerApi.Data;
using CustomerApi.Infrastructure.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// The real application on one real database, shared by every test of that provider in the run; or one of a test's
/// own with other <paramref name="settings"/>, extra <paramref name="services"/> (e.g. a command interceptor) or
/// another host set-up (<paramref name="configure"/>, e.g. Kestrel).
/// </summary>
public sealed class ApiFactory(
    StorageProvider provider,
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The admin API's key in every test service (a test's own may set another, or none).</summary>
    public const string AdminKey = "test-admin-key";

    public StorageProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", ConnectionString);
        // A configured store means no demo store and no banner; BootstrapTests checks this store exists.
        builder.UseSetting("Bootstrap:Stores:0:Hash", BootstrapStore.Hash);
        builder.UseSetting("Bootstrap:Stores:0:Tokens:0:AccessToken", BootstrapStore.Token);
        builder.UseSetting("Bootstrap:Stores:0:Tokens:0:Scopes:0", "store_v2_customers_read_only");
        builder.UseSetting("Admin:Key", AdminKey);
        // The test process's console is read by nobody, and a line per request of every test would only slow the run;
        // a logger a test adds (CapturedLogs) still gets them.
        builder.ConfigureLogging(logging => logging.AddFilter<ConsoleLoggerProvider>(RequestLogMiddleware.Category, LogLevel.None));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }

        configure?.Invoke(builder);
    }

    /// <summary>The connection string the application's pool is keyed by (the service adds settings to the one given).</summary>
    private string? _poolKey;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        _poolKey = scope.ServiceProvider.GetRequiredService<CustomerDbContext>().Database.GetConnectionString();
        return host;
    }

    /// <summary>
    /// Npgsql keeps a pool per connection string for the life of the process, so the idle connections of a host that has
    /// ended (a service pair, an <see cref="OwnApi"/>) would count against the test server's max_connections until the
    /// run ends; they are closed with the host.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == StorageProvider.Postgres && _poolKey is not null)
        {
            await using var connection = new NpgsqlConnection(_poolKey);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    public static class BootstrapStore
    {
        public const string Hash = "bootstrapped";
        public const string Token = "bootstrapped-token";
    }
}
