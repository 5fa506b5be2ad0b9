using CustomerApi.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>The real application on one real database, shared by every test of that provider in the run.</summary>
public sealed class ApiFactory(StorageProvider provider, string connectionString, IReadOnlyDictionary<string, string?>? settings = null,
    Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public StorageProvider Provider { get; } = provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", connectionString);
        // A configured store means no demo store and no banner; BootstrapTests checks this store exists.
        builder.UseSetting("Bootstrap:Stores:0:Hash", BootstrapStore.Hash);
        builder.UseSetting("Bootstrap:Stores:0:Tokens:0:AccessToken", BootstrapStore.Token);
        builder.UseSetting("Bootstrap:Stores:0:Tokens:0:Scopes:0", "store_v2_customers_read_only");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);
    }

    public static class BootstrapStore
    {
        public const string Hash = "bootstrapped";
        public const string Token = "bootstrapped-token";
    }
}
