using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Faults;

/// <summary>The admin API's faults and rate-limit routes as the tests call them.</summary>
public static class FaultCalls
{
    /// <summary>Gives the store exactly these rules; asserts they were taken.</summary>
    public static async Task PutFaultsAsync(this HttpClient admin, string hash, params object[] rules) =>
        (await (await admin.PutJsonAsync($"admin/stores/{hash}/faults", new { rules })).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("rules").GetArrayLength().ShouldBe(rules.Length);

    public static async Task<List<JsonElement>> GetFaultsAsync(this HttpClient admin, string hash) =>
        [.. (await (await admin.GetAsync($"admin/stores/{hash}/faults")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("rules").EnumerateArray()];

    public static async Task<JsonElement> PutRateLimitAsync(this HttpClient admin, string hash, object body) =>
        await (await admin.PutJsonAsync($"admin/stores/{hash}/rate-limit", body)).ShouldBeAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> GetRateLimitAsync(this HttpClient admin, string hash) =>
        await (await admin.GetAsync($"admin/stores/{hash}/rate-limit")).ShouldBeAsync(HttpStatusCode.OK);
}
