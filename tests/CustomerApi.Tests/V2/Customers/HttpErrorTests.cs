using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

/// <summary>Errors the HTTP layer answers (content type, size, Accept, routing, methods), each in the V2 format.</summary>
public abstract class HttpErrorTests(ApiFixture api)
{
    private const string NewCustomer = """{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed"}""";

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("text/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    [InlineData("application/octet-stream")]
    [InlineData("application/json; charset=nonsense")]
    [InlineData("application/json; charset=utf-7")]
    public async Task A_body_not_sent_as_json_is_415_on_every_write_and_writes_nothing(string? contentType)
    {
        var store = await StoreWithOneCustomerAsync();
        var before = await store.CustomerTextAsync();

        foreach (var (method, url, body) in new[]
        {
            (HttpMethod.Post, "customers", NewCustomer),
            (HttpMethod.Put, "customers/1", NewCustomer),
            (HttpMethod.Post, "customers/1/validate", $$"""{"password":"{{Passwords.Good}}"}"""),
        })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

            var response = await store.V2.SendAsync(new HttpRequestMessage(method, url) { Content = content });

            var error = await response.ShouldBeV2ErrorAsync(HttpStatusCode.UnsupportedMediaType);
            error.Messages().ShouldBe(["The request body must be sent with 'Content-Type: application/json'."], $"{method} {url}");
        }

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_xml_body_is_415_and_writes_nothing()
    {
        var store = await StoreWithOneCustomerAsync();

        var response = await store.V2.SendJsonAsync(HttpMethod.Post, "customers",
            "<customer><first_name>Jane</first_name><last_name>Doe</last_name><email>new@example.com</email></customer>", "application/xml");

        await response.ShouldBeV2ErrorAsync(HttpStatusCode.UnsupportedMediaType);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("Application/JSON")]
    public async Task Json_content_types_are_accepted(string contentType)
    {
        var store = await api.NewStoreAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(NewCustomer));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await store.V2.PostAsync("customers", content);

        (await response.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("email").GetString().ShouldBe("new@example.com");
    }

    [Fact]
    public async Task A_2_MB_body_is_413_and_writes_nothing()
    {
        var store = await StoreWithOneCustomerAsync();
        var before = await store.CustomerTextAsync();
        var huge = $$"""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed","notes":"{{new string('x', 2 * 1024 * 1024)}}"}""";

        foreach (var (method, url) in new[] { (HttpMethod.Post, "customers"), (HttpMethod.Put, "customers/1") })
        {
            var response = await store.V2.SendJsonAsync(method, url, huge);

            var error = await response.ShouldBeV2ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
            error.Messages().ShouldBe(["The request payload is too large."], $"{method} {url}");
        }

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_2_MB_body_without_a_content_length_is_413_on_a_real_Kestrel_server()
    {
        // The in-memory test server has no request size limit of its own: only a real Kestrel shows this case.
        await using var own = await OwnApi.StartAsync(api.Provider, kestrel: true);
        var client = (await own.NewStoreAsync()).V2;
        var huge = Encoding.UTF8.GetBytes(
            $$"""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","notes":"{{new string('x', 2 * 1024 * 1024)}}"}""");
        var content = new StreamContent(new UnknownLengthStream(huge));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("customers", content);

        content.Headers.ContentLength.ShouldBeNull();
        var error = await response.ShouldBeV2ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        error.Messages().ShouldBe(["The request payload is too large."]);
        (await client.GetFromJsonCountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/html")]
    [InlineData("application/xml, application/json;q=0")]
    public async Task An_accept_header_that_rules_out_json_is_406_on_reads_and_writes(string accept)
    {
        var store = await StoreWithOneCustomerAsync();
        var before = await store.CustomerTextAsync();

        foreach (var (method, url, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, "customers", null),
            (HttpMethod.Get, "customers/1", null),
            (HttpMethod.Get, "customers/count", null),
            (HttpMethod.Post, "customers", NewCustomer),
            (HttpMethod.Put, "customers/1", NewCustomer),
            (HttpMethod.Delete, "customers/1", null),
        })
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.TryAddWithoutValidation("Accept", accept).ShouldBeTrue();
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            var response = await store.V2.SendAsync(request);

            var error = await response.ShouldBeV2ErrorAsync(HttpStatusCode.NotAcceptable);
            error.Messages().ShouldBe(["The requested representation is not available. Send 'Accept: application/json'."], $"{method} {url}");
        }

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/*")]
    [InlineData("application/xml, application/json;q=0.5")]
    [InlineData("text/html, */*;q=0.1")]
    [InlineData(null)]
    public async Task Accept_headers_that_allow_json_get_json(string? accept)
    {
        var store = await StoreWithOneCustomerAsync();
        var client = store.V2With(store.Token);
        client.DefaultRequestHeaders.Accept.Clear();
        if (accept is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept).ShouldBeTrue();
        }

        var one = await client.GetAsync("customers/1");
        var created = await client.PostJsonAsync("customers", NewCustomer);

        (await one.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("email").GetString().ShouldBe("existing@example.com");
        one.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await created.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32().ShouldBe(2);
        one.RequestMessage!.Headers.Contains("Accept").ShouldBe(accept is not null);
    }

    [Theory]
    [InlineData("GET", "nothing")]
    [InlineData("POST", "nothing")]
    [InlineData("GET", "customers/1/nothing")]
    [InlineData("GET", "customer")]
    [InlineData("GET", "customers/abc")]
    [InlineData("PUT", "customers/abc")]
    [InlineData("DELETE", "customers/abc")]
    [InlineData("POST", "customers/abc/validate")]
    public async Task An_unknown_route_under_the_store_is_404_and_writes_nothing(string method, string url)
    {
        var store = await StoreWithOneCustomerAsync();
        var before = await store.CustomerTextAsync();
        var response = await store.V2.SendAsync(WithCustomerBody(method, url));

        var error = await response.ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        error.Messages().ShouldBe(["The requested resource was not found."]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("PUT", "customers")]
    [InlineData("POST", "customers/1")]
    [InlineData("DELETE", "customers/count")]
    [InlineData("POST", "customers/count")]
    [InlineData("PUT", "customers/count")]
    [InlineData("GET", "customers/1/validate")]
    [InlineData("PUT", "customers/1/validate")]
    [InlineData("DELETE", "customers/1/validate")]
    public async Task A_known_route_with_a_method_it_lacks_is_405_and_writes_nothing(string method, string url)
    {
        var store = await StoreWithOneCustomerAsync();
        var before = await store.CustomerTextAsync();
        var response = await store.V2.SendAsync(WithCustomerBody(method, url));

        var error = await response.ShouldBeV2ErrorAsync(HttpStatusCode.MethodNotAllowed);
        error.Messages().ShouldBe([$"The method '{method}' is not allowed on this resource."]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("customers/1")]
    [InlineData("customers")]
    public async Task Patch_is_501_not_supported_by_the_api_and_writes_nothing(string url)
    {
        var store = await StoreWithOneCustomerAsync();
        var before = await store.CustomerTextAsync();

        var response = await store.V2.SendJsonAsync(HttpMethod.Patch, url, NewCustomer);

        var error = await response.ShouldBeV2ErrorAsync(HttpStatusCode.NotImplemented);
        error.Messages().ShouldBe(["The method 'PATCH' is not supported by the API."]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Error_bodies_are_arrays_of_status_and_message_with_no_other_keys()
    {
        var store = await StoreWithOneCustomerAsync();

        foreach (var response in new[]
        {
            await store.V2.GetAsync("nothing"),
            await store.V2.PutJsonAsync("customers", NewCustomer),
            await store.V2.SendJsonAsync(HttpMethod.Patch, "customers/1", NewCustomer),
            await store.V2.SendJsonAsync(HttpMethod.Post, "customers", NewCustomer, "text/plain"),
            await store.V2.PostJsonAsync("customers", "{"),
        })
        {
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            body.ValueKind.ShouldBe(JsonValueKind.Array);
            body.GetArrayLength().ShouldBe(1);
            body[0].EnumerateObject().Select(p => p.Name).ShouldBe(["status", "message"]);
            body[0].GetProperty("status").GetInt32().ShouldBe((int)response.StatusCode);
        }
    }

    private async Task<TestStore> StoreWithOneCustomerAsync()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("existing@example.com", new { company = "Acme", _authentication = new { password = Passwords.Good } });
        return store;
    }

    /// <summary>A read-only stream that hides its length, so the body goes out without a Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A request; POST and PUT carry a valid customer, so only the route or method can be at fault.</summary>
    private static HttpRequestMessage WithCustomerBody(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent(NewCustomer, Encoding.UTF8, "application/json");
        }

        return request;
    }
}


public sealed class HttpErrorTests_Sqlite(SqliteApi api) : HttpErrorTests(api), IClassFixture<SqliteApi>;

public sealed class HttpErrorTests_Postgres(PostgresApi api) : HttpErrorTests(api), IClassFixture<PostgresApi>;
