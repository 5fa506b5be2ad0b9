using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin;

/// <summary>The admin API as a test uses it: a client with (or without) the admin key, a new store with its every-scope token, a client of that store.</summary>
public static class AdminCalls
{
    public static async Task<HttpClient> AdminAsync(this ApiFixture api, string? key = ApiFactory.AdminKey)
    {
        var client = await api.AnonymousClientAsync();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Admin-Key", key);
        }

        return client;
    }

    /// <returns>The new store's hash and the secret of the every-scope token it was made with.</returns>
    public static async Task<(string Hash, string Token)> CreateStoreAsync(this HttpClient admin, object? body = null)
    {
        var created = await (await admin.PostJsonAsync("admin/stores", body ?? new { })).ShouldBeAsync(HttpStatusCode.Created);
        return (created.GetProperty("hash").GetString()!, created.GetProperty("token").GetProperty("access_token").GetString()!);
    }

    /// <summary>A client of the store's public API, based at <c>/stores/{hash}/{version}/</c>.</summary>
    public static async Task<HttpClient> StoreClientAsync(this ApiFixture api, string hash, string token, string version = "v2") =>
        TestStore.Client(await api.FactoryAsync(), token, $"http://localhost/stores/{hash}/{version}/");
}
