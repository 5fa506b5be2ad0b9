// An xunit base class: each test gets a store of its own on the emulator, with known data, deleted after it.
// Set CUSTOMERAPI_URL (default http://localhost:5080/) and CUSTOMERAPI_ADMIN_KEY (printed when the emulator starts).
// CustomerApi's own test suite compiles and runs this file (ReadmeExampleTests), so it works as written.
using System.Net.Http.Json;
using System.Text.Json;

namespace CustomerApi.Examples;

public abstract class StorePerTest : IAsyncLifetime
{
    private static readonly HttpClient Admin = NewAdminClient();

    /// <summary>The store's hash: its V3 API is at {CUSTOMERAPI_URL}/stores/{StoreHash}/v3/.</summary>
    protected string StoreHash { get; private set; } = "";

    /// <summary>A client of the store's V3 API, sending its token, as a client of api.bigcommerce.com would.</summary>
    protected HttpClient V3 { get; } = new();

    public async Task InitializeAsync()
    {
        using var created = await Admin.PostAsJsonAsync("admin/stores", new { name = GetType().Name });
        created.EnsureSuccessStatusCode();
        var store = await created.Content.ReadFromJsonAsync<JsonElement>();
        StoreHash = store.GetProperty("hash").GetString()!;
        V3.BaseAddress = new Uri(Admin.BaseAddress!, $"stores/{StoreHash}/v3/");
        V3.DefaultRequestHeaders.Add("X-Auth-Token", store.GetProperty("token").GetProperty("access_token").GetString());

        // Known data: the same seed makes the same customers on every run.
        using var seeded = await Admin.PostAsJsonAsync($"admin/stores/{StoreHash}/seed", new { customers = 20, seed = 42 });
        seeded.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        using var deleted = await Admin.DeleteAsync($"admin/stores/{StoreHash}");
        V3.Dispose();
    }

    private static HttpClient NewAdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("CUSTOMERAPI_URL") ?? "http://localhost:5080/") };
        client.DefaultRequestHeaders.Add("X-Admin-Key", Environment.GetEnvironmentVariable("CUSTOMERAPI_ADMIN_KEY"));
        return client;
    }
}
