using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

/// <summary>Helpers for the error, auth and password tests of this folder.</summary>
internal static class StoreTokens
{
    /// <summary>
    /// Gives the store a second token with <paramref name="scopes"/> and returns a client for the store's URLs that
    /// sends it. Call it before the store's first request: the service caches a store's tokens for a while.
    /// </summary>
    public static async Task<HttpClient> AddTokenAsync(this TestStore store, params string[] scopes) =>
        store.V2With(await store.NewTokenAsync(scopes));

    /// <summary><c>GET customers/{id}</c> as raw JSON text, to compare a customer before and after a refused write.</summary>
    public static async Task<string> CustomerTextAsync(this TestStore store, int id = 1) =>
        (await (await store.V2.GetAsync($"customers/{id}")).ShouldBeAsync(HttpStatusCode.OK)).ToString();

    /// <summary><c>POST customers/{id}/validate</c> with the store's own token; returns <c>success</c>.</summary>
    public static async Task<bool> PasswordMatchesAsync(this TestStore store, string password, int id = 1)
    {
        var body = await (await store.V2.PostJsonAsync($"customers/{id}/validate", new { password })).ShouldBeAsync(HttpStatusCode.OK);
        var success = body.GetProperty("success");
        success.ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
        return success.GetBoolean();
    }

    /// <summary>The messages of a V2 error body, in order.</summary>
    public static string[] Messages(this JsonElement errors) =>
        [.. errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()!)];
}
