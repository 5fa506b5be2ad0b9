using System.Net;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.V3.Consent;

/// <summary>The consent calls the tests share, and what a consent answer must look like.</summary>
internal static class ConsentCalls
{
    public static readonly string[] None = [];
    public static readonly string[] Essential = ["essential"];
    public static readonly string[] Targeting = ["targeting"];
    public static readonly string[] EssentialFunctional = ["essential", "functional"];
    public static readonly string[] AnalyticsTargeting = ["analytics", "targeting"];

    public static string Url(int customerId) => $"customers/{customerId}/consent";

    /// <summary>A new store with customers 1 to <paramref name="customers"/>.</summary>
    public static async Task<TestStore> NewStoreWithCustomersAsync(this ApiFixture api, int customers = 1)
    {
        var store = await api.NewStoreAsync();
        for (var i = 1; i <= customers; i++)
        {
            (await store.CreateCustomerAsync($"c{i}@example.com")).GetProperty("id").GetInt32().ShouldBe(i);
        }

        return store;
    }

    /// <summary><c>PUT customers/{id}/consent</c> with <paramref name="body"/> (a string is sent as it is).</summary>
    public static Task<HttpResponseMessage> PutConsentAsync(this HttpClient v3, int customerId, object body) => v3.PutJsonAsync(Url(customerId), body);

    /// <summary>A declaration of <paramref name="allow"/> and <paramref name="deny"/>.</summary>
    public static object Declare(string[] allow, string[] deny) => new { allow, deny };

    /// <summary>
    /// Asserts a 200 consent answer: bare <c>{allow, deny, updated_at}</c> (no <c>data</c>), with exactly these lists in
    /// this order and an <c>updated_at</c> of the time of the call (between <paramref name="since"/> and now, to the second).
    /// </summary>
    public static async Task<JsonElement> ShouldBeConsentAsync(this HttpResponseMessage response, string[] allow, string[] deny, DateTime since)
    {
        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["allow", "deny", "updated_at"], $"{body}");
        body.GetProperty("allow").Strings().ShouldBe(allow, $"allow of {body}");
        body.GetProperty("deny").Strings().ShouldBe(deny, $"deny of {body}");
        body.Instant("updated_at").ShouldBeInRange(since, CustomerWriteCalls.UtcSecond(), $"updated_at of {body}");
        return body;
    }

    /// <summary>Asserts that <c>GET customers/{id}/consent</c> answers exactly <paramref name="allow"/> and <paramref name="deny"/>.</summary>
    public static async Task ShouldHaveConsentAsync(this HttpClient v3, int customerId, string[] allow, string[] deny)
    {
        var since = CustomerWriteCalls.UtcSecond();
        await (await v3.GetAsync(Url(customerId))).ShouldBeConsentAsync(allow, deny, since);
    }

    /// <summary>Asserts the V3 404 the consent routes answer for a customer the store does not have.</summary>
    public static async Task ShouldBeNotFoundAsync(this HttpResponseMessage response)
    {
        var body = await response.ShouldBeV3ErrorAsync(HttpStatusCode.NotFound);
        body.GetRawText().ShouldBe(V3TestStores.ErrorBody(404, "The resource at that URL is not found."));
    }

    /// <summary>The consent rows the database holds for the store, as <c>customer 1: allow a,b; deny c</c>, by customer.</summary>
    public static async Task<string[]> StoredConsentsAsync(this TestStore store)
    {
        await using var scope = store.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var storeId = await db.Stores.Where(s => s.Hash == store.Hash).Select(s => s.Id).SingleAsync();
        var rows = await db.CustomerConsents.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.CustomerId).ToListAsync();
        return [.. rows.Select(c => $"customer {c.CustomerId}: allow {string.Join(',', c.Allow)}; deny {string.Join(',', c.Deny)}")];
    }

    private static string[] Strings(this JsonElement list)
    {
        list.ValueKind.ShouldBe(JsonValueKind.Array);
        return [.. list.EnumerateArray().Select(item => item.GetString()!)];
    }
}
