using CustomerApi.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    public static class BootstrapStore
    {
        public const string Hash = "bootstrapped";
        public const string Token = "bootstrapped-token";
    }
}
