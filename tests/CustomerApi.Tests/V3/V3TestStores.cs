using System.Globalization;
using System.Net;
using System.Text;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3;

/// <summary>Set-up and before/after snapshots shared by the cross-cutting V3 tests.</summary>
internal static class V3TestStores
{
    public const string AttributesUrl = "customers/attributes";
    public const string ValuesUrl = "customers/attribute-values";

    /// <summary>Gives the store customer 1, attribute 1 ("Age", number) and value 1 (customer 1, Age = "42").</summary>
    public static async Task SeedAsync(this TestStore store, string email = "victim@example.com")
    {
        (await store.CreateCustomerAsync(email)).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.CreateAttributesAsync(("Age", "number"))).ShouldBe([1]);
        (await store.UpsertValuesAsync((1, 1, "42"))).Single().GetProperty("id").GetInt32().ShouldBe(1);
    }

    /// <summary>Everything the store holds that V3 can reach, as raw JSON text: its attributes, values and customers.</summary>
    public static async Task<string> SnapshotAsync(this TestStore store)
    {
        var attributes = await (await store.V3.GetAsync(AttributesUrl + "?limit=250")).ShouldBeAsync(HttpStatusCode.OK);
        var values = await (await store.V3.GetAsync(ValuesUrl + "?limit=250")).ShouldBeAsync(HttpStatusCode.OK);
        var customers = await store.V2.GetAsync("customers");
        var customersText = customers.StatusCode == HttpStatusCode.NoContent ? "" : (await customers.ShouldBeAsync(HttpStatusCode.OK)).ToString();
        return $"{attributes}\n{values}\n{customersText}";
    }

    public static async Task<string[]> AttributeNamesAsync(this TestStore store) =>
        [.. (await (await store.V3.GetAsync(AttributesUrl + "?limit=250")).ShouldBeAsync(HttpStatusCode.OK)).Data().Select(a => a.GetProperty("name").GetString()!)];

    public static async Task<string[]> ValueTextsAsync(this TestStore store) =>
        [.. (await (await store.V3.GetAsync(ValuesUrl + "?limit=250")).ShouldBeAsync(HttpStatusCode.OK)).Data().Select(v => v.GetProperty("attribute_value").GetString()!)];

    /// <summary>A request with a JSON body sent verbatim (or none).</summary>
    public static HttpRequestMessage Request(string method, string url, string? body = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        return request;
    }

    /// <summary>The exact V3 error body BcErrors writes for a status with no field errors.</summary>
    public static string ErrorBody(int status, string title) =>
        $$$"""{"status":{{{status}}},"title":"{{{title}}}","type":"{{{V3Json.ErrorType}}}","errors":{}}""";

    public static long Header(HttpResponseMessage response, string name)
    {
        response.Headers.TryGetValues(name, out var values).ShouldBeTrue($"{name} missing on {(int)response.StatusCode} {response.RequestMessage}");
        return long.Parse(values!.Single(), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
