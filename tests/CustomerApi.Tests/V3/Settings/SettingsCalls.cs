using System.Net;
using System.Text;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Settings;

/// <summary>Calls of <c>/v3/customers/settings</c> and its channels.</summary>
public static class SettingsCalls
{
    public const string Global = "customers/settings";

    public const string DefaultGlobal =
        """{"privacy_settings":{"ask_shopper_for_tracking_consent":false,"policy_url":"","ask_shopper_for_tracking_consent_on_checkout":false},"customer_group_settings":{"guest_customer_group_id":0,"default_customer_group_id":0}}""";

    public const string NoOverrides =
        """{"privacy_settings":{"ask_shopper_for_tracking_consent":null,"policy_url":null,"ask_shopper_for_tracking_consent_on_checkout":null},"customer_group_settings":{"guest_customer_group_id":null,"default_customer_group_id":null},"allow_global_logins":true}""";

    public static string Channel(int id) => $"customers/settings/channels/{id}";

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>GETs <paramref name="url"/>, asserts 200 with <c>{"data":{...},"meta":{}}</c>, and returns the data's JSON text.</summary>
    public static async Task<string> SettingsAsync(this TestStore store, string url) => await (await store.V3.GetAsync(url)).ShouldBeSettingsAsync();

    /// <summary>PUTs <paramref name="json"/>, asserts 200 with <c>{"data":{...},"meta":{}}</c>, and returns the data's JSON text.</summary>
    public static async Task<string> PutSettingsAsync(this TestStore store, string url, string json) =>
        await (await store.V3.PutRawAsync(url, json)).ShouldBeSettingsAsync();

    public static async Task<string> ShouldBeSettingsAsync(this HttpResponseMessage response)
    {
        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        body.GetProperty("meta").GetRawText().ShouldBe("{}");
        body.GetProperty("data").ValueKind.ShouldBe(JsonValueKind.Object);
        return body.GetProperty("data").GetRawText();
    }
}
