using System.Net.Http.Json;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Examples;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin;

/// <summary>
/// The README's xunit example (examples/xunit/StorePerTest.cs) run as a user would run it: against the service on a
/// real port, found through CUSTOMERAPI_URL and CUSTOMERAPI_ADMIN_KEY.
/// </summary>
[Collection(ReadmeExampleGroup.Name)]
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_store_per_test_base_class_gives_each_test_its_own_seeded_store_and_deletes_it_after()
    {
        await using var service = await OwnApi.StartAsync(StorageProvider.Sqlite, kestrel: true);
        Environment.SetEnvironmentVariable("CUSTOMERAPI_URL", service.KestrelAddress!.ToString());
        Environment.SetEnvironmentVariable("CUSTOMERAPI_ADMIN_KEY", ApiFactory.AdminKey);
        var first = new ReadmeCustomerTests();
        var second = new ReadmeCustomerTests();

        await first.InitializeAsync();
        await second.InitializeAsync();
        await first.Lists_the_seeded_customers();
        await second.Lists_the_seeded_customers();
        await first.DisposeAsync();

        first.Hash.ShouldNotBe(second.Hash);
        using var admin = new HttpClient { BaseAddress = service.KestrelAddress };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        var stores = await admin.GetFromJsonAsync<JsonElement>("admin/stores");
        var hashes = stores.EnumerateArray().Select(s => s.GetProperty("hash").GetString()).ToList();
        hashes.ShouldNotContain(first.Hash);
        hashes.ShouldContain(second.Hash);
        await second.DisposeAsync();
    }

    /// <summary>The README's own usage of the base class, word for word.</summary>
    private sealed class ReadmeCustomerTests : StorePerTest
    {
        public string Hash => StoreHash;

        public async Task Lists_the_seeded_customers()
        {
            var page = await V3.GetFromJsonAsync<JsonElement>("customers?limit=5");
            Assert.Equal(20, page.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32());
        }
    }
}

/// <summary>The example reads process-wide environment variables: its tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadmeExampleGroup
{
    public const string Name = "README example";
}
