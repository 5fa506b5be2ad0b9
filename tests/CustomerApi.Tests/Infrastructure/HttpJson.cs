using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CustomerApi.Tests.Infrastructure;

public static class HttpJson
{
    /// <summary>Sends <paramref name="body"/> as JSON; a string is sent as it is, so tests can send broken JSON.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url)
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, contentType),
        });

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.SendJsonAsync(HttpMethod.Post, url, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.SendJsonAsync(HttpMethod.Put, url, body);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>Asserts the status, then returns the body as JSON.</summary>
    public static async Task<JsonElement> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"body: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a V2 error: a JSON array whose first item has this status and a message.</summary>
    public static async Task<JsonElement> ShouldBeV2ErrorAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.ShouldBeAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        body.ValueKind.ShouldBe(JsonValueKind.Array);
        body.GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var error in body.EnumerateArray())
        {
            error.GetProperty("status").GetInt32().ShouldBe((int)status);
            error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        }

        return body;
    }

    /// <summary>Creates a customer with the required fields plus <paramref name="extra"/>; returns its JSON.</summary>
    public static async Task<JsonElement> CreateCustomerAsync(this TestStore store, string email, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["first_name"] = "Jane", ["last_name"] = "Doe", ["email"] = email };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        var response = await store.V2.PostJsonAsync("customers", body);
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }
}

public static class CountExtensions
{
    /// <summary><c>GET customers/count</c> with an optional query, e.g. <c>?email=x</c>.</summary>
    public static async Task<int> GetFromJsonCountAsync(this HttpClient v2, string query = "")
    {
        var response = await v2.GetAsync("customers/count" + query);
        return (await response.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32();
    }
}
