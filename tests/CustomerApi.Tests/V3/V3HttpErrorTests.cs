using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.V3;

/// <summary>Errors the HTTP layer answers under /v3 (routing, methods, content type, size, Accept, broken JSON), each in the V3 format.</summary>
public abstract class V3HttpErrorTests(ApiFixture api)
{
    private const string NewAttribute = """[{"name":"Colour","type":"string"}]""";
    private const string Rename = """[{"id":1,"name":"Years"}]""";
    private const string NewValue = """[{"customer_id":1,"attribute_id":1,"value":"7"}]""";

    /// <summary>The three V3 writes that take a body, each with a body that would succeed.</summary>
    public static TheoryData<string, string, string> BodyWrites => new()
    {
        { "POST", AttributesUrl, NewAttribute },
        { "PUT", AttributesUrl, Rename },
        { "PUT", ValuesUrl, NewValue },
    };

    [Theory]
    [InlineData("GET", "nothing")]
    [InlineData("POST", "nothing")]
    [InlineData("GET", "customers/attribute")]
    [InlineData("POST", "customers/attribute")]
    [InlineData("GET", "customers/attributes/1")]
    [InlineData("PUT", "customers/attributes/1")]
    [InlineData("DELETE", "customers/attributes/1")]
    [InlineData("GET", "customers/attribute-values/1")]
    [InlineData("PUT", "customers/attribute-values/1")]
    [InlineData("DELETE", "customers/attribute-values/1")]
    [InlineData("GET", "customers/attributes/1/values")]
    public async Task An_unknown_V3_route_is_404_in_the_V3_format_and_writes_nothing(string method, string url)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        var response = await store.V3.SendAsync(Request(method, url, method is "POST" or "PUT" ? NewAttribute : null));

        await ShouldBeExactlyAsync(response, HttpStatusCode.NotFound, ErrorBody(404, "The resource at that URL is not found."));
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_on_attribute_values_is_405_in_the_V3_format_and_writes_nothing()
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        var response = await store.V3.SendAsync(Request("POST", ValuesUrl, NewValue));

        await ShouldBeExactlyAsync(response, HttpStatusCode.MethodNotAllowed, ErrorBody(405, "The method 'POST' is not allowed on this resource."));
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(AttributesUrl, Rename)]
    [InlineData(ValuesUrl, NewValue)]
    [InlineData(AttributesUrl + "?id:in=1", Rename)]
    public async Task Patch_is_501_in_the_V3_format_and_writes_nothing(string url, string body)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        var response = await store.V3.SendAsync(Request("PATCH", url, body));

        await ShouldBeExactlyAsync(response, HttpStatusCode.NotImplemented, ErrorBody(501, "The method 'PATCH' is not supported by the API."));
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    [InlineData("application/octet-stream")]
    public async Task A_body_not_sent_as_json_is_415_on_every_V3_write_and_writes_nothing(string? contentType)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        foreach (var (method, url, body) in BodyWrites.Select(Row))
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

            var response = await store.V3.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });

            await ShouldBeExactlyAsync(response, HttpStatusCode.UnsupportedMediaType,
                ErrorBody(415, "The request body must be sent with 'Content-Type: application/json'."), $"{method} {url}");
        }

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task Json_content_types_are_accepted_on_V3_writes(string contentType)
    {
        var store = await SeededStoreAsync();

        foreach (var (method, url, body) in BodyWrites.Select(Row))
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

            var response = await store.V3.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });

            (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Length.ShouldBe(1, $"{method} {url}");
        }

        (await store.AttributeNamesAsync()).ShouldBe(["Years", "Colour"]);
        (await store.ValueTextsAsync()).ShouldBe(["7"]);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("not json")]
    [InlineData("""[{"name":"Colour","type":"string""")]
    [InlineData("""[{"name":"Colour","type":"string"}""")]
    [InlineData("""[{"name":}]""")]
    [InlineData("""[{"name":"Colour","type":"string"},]""")]
    [InlineData("""[{'name':'Colour','type':'string'}]""")]
    [InlineData("""[{"name":"Colour","type":"string"}] x""")]
    [InlineData("""[{"name":"Colour","type":"string"}][]""")]
    [InlineData("""[{"name":"Colour","type":"string"}]}""")]
    [InlineData("""[{"customer_id":1,"attribute_id":1,"value":"7"}] []""")]
    public async Task Malformed_truncated_or_trailing_json_is_400_in_the_V3_format_on_every_write_and_writes_nothing(string body)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        foreach (var (method, url, _) in BodyWrites.Select(Row))
        {
            var response = await store.V3.SendAsync(Request(method, url, body));

            await ShouldBeExactlyAsync(response, HttpStatusCode.BadRequest, ErrorBody(400, "The request body is not valid JSON."), $"{method} {url}");
        }

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("PUT", "customers/attributes", "a JSON array", "The request body must be a JSON array of objects.")]
    [InlineData("PUT", "customers/1/consent", "a JSON object", "The request body must be a JSON object.")]
    [InlineData("PUT", "customers/settings", "a JSON object", "The request body must be a JSON object.")]
    [InlineData("POST", "customers/validate-credentials", "a JSON object", "The request body must be a JSON object.")]
    public async Task An_empty_body_or_one_of_the_wrong_shape_is_refused_naming_the_shape_the_route_takes(
        string method, string url, string takes, string wrongShape)
    {
        var store = await SeededStoreAsync();

        var empty = await store.V3.SendAsync(Request(method, url, ""));
        var wrong = await store.V3.SendAsync(Request(method, url, takes == "a JSON array" ? "{}" : "[]"));

        (await empty.ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest)).GetProperty("title").GetString()
            .ShouldBe($"The request body is empty; {takes} is required.");
        (await wrong.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).Errors()["body"].ShouldBe(wrongShape);
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413_in_the_V3_format_on_every_write_and_writes_nothing()
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();
        var padding = new string('x', 1024 * 1024);

        foreach (var (method, url, body) in new[]
        {
            ("POST", AttributesUrl, $$"""[{"name":"Colour","type":"string","padding":"{{padding}}"}]"""),
            ("PUT", AttributesUrl, $$"""[{"id":1,"name":"{{padding}}"}]"""),
            ("PUT", ValuesUrl, $$"""[{"customer_id":1,"attribute_id":1,"value":"7","date_created":"{{padding}}"}]"""),
        })
        {
            Encoding.UTF8.GetByteCount(body).ShouldBeGreaterThan(1024 * 1024);

            var response = await store.V3.SendAsync(Request(method, url, body));

            await ShouldBeExactlyAsync(response, HttpStatusCode.RequestEntityTooLarge, ErrorBody(413, "The request payload is too large."), $"{method} {url}");
        }

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("application/xml, application/json;q=0")]
    public async Task An_accept_header_that_rules_out_json_is_406_in_the_V3_format_on_reads_and_writes(string accept)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        foreach (var (method, url, body) in new (string, string, string?)[]
        {
            ("GET", AttributesUrl, null),
            ("GET", ValuesUrl, null),
            ("POST", AttributesUrl, NewAttribute),
            ("PUT", AttributesUrl, Rename),
            ("PUT", ValuesUrl, NewValue),
            ("DELETE", ValuesUrl + "?id:in=1", null),
            ("DELETE", AttributesUrl + "?id:in=1", null),
        })
        {
            var request = Request(method, url, body);
            request.Headers.TryAddWithoutValidation("Accept", accept).ShouldBeTrue();
            var client = store.V3With(store.Token);
            client.DefaultRequestHeaders.Accept.Clear();

            var response = await client.SendAsync(request);

            await ShouldBeExactlyAsync(response, HttpStatusCode.NotAcceptable,
                ErrorBody(406, "The requested representation is not available. Send 'Accept: application/json'."), $"{method} {url}");
        }

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task V3_answers_carry_the_four_rate_limit_headers_and_requests_left_goes_down()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("rate@example.com");

        var answers = new List<HttpResponseMessage>
        {
            await store.V3.GetAsync(AttributesUrl),
            await store.V3.PostJsonAsync(AttributesUrl, NewAttribute),
            await store.V3.PutJsonAsync(AttributesUrl, """[{"id":1,"name":"Hue"}]"""),
            await store.V3.PutJsonAsync(ValuesUrl, """[{"customer_id":1,"attribute_id":1,"value":"red"}]"""),
            await store.V3.GetAsync(ValuesUrl),
            await store.V3.PostJsonAsync(AttributesUrl, "[]"),
            await store.V3.GetAsync(ValuesUrl + "?nonsense=1"),
            await store.V3.DeleteAsync(ValuesUrl + "?id:in=1"),
            await store.V3.DeleteAsync(AttributesUrl + "?id:in=1"),
            await store.V3.SendAsync(Request("HEAD", AttributesUrl)),
        };

        answers.Select(a => (int)a.StatusCode).ShouldBe([200, 200, 200, 200, 200, 422, 422, 204, 204, 200]);
        var left = new List<long>();
        foreach (var answer in answers)
        {
            var window = Header(answer, "X-Rate-Limit-Time-Window-Ms");
            var quota = Header(answer, "X-Rate-Limit-Requests-Quota");
            window.ShouldBeGreaterThan(0);
            Header(answer, "X-Rate-Limit-Time-Reset-Ms").ShouldBeInRange(0, window);
            quota.ShouldBeGreaterThan(0);
            left.Add(Header(answer, "X-Rate-Limit-Requests-Left"));
            left[^1].ShouldBeInRange(0, quota - 1);
        }

        for (var i = 1; i < left.Count; i++)
        {
            left[i].ShouldBeLessThan(left[i - 1], $"answer {i}: X-Rate-Limit-Requests-Left went {left[i - 1]} -> {left[i]}");
        }
    }

    [Fact]
    public async Task V2_and_V3_requests_of_one_store_draw_on_one_rate_limit_quota()
    {
        var store = await api.NewStoreAsync();

        var first = await store.V3.GetAsync(AttributesUrl);
        await store.V2.GetAsync("customers/count");
        await store.V2.GetAsync("customers");
        var fourth = await store.V3.GetAsync(ValuesUrl);

        Header(first, "X-Rate-Limit-Requests-Left").ShouldBe(Header(first, "X-Rate-Limit-Requests-Quota") - 1);
        Header(fourth, "X-Rate-Limit-Requests-Left").ShouldBe(Header(fourth, "X-Rate-Limit-Requests-Quota") - 4);
    }

    private static (string Method, string Url, string Body) Row(object[] row) => ((string)row[0], (string)row[1], (string)row[2]);

    private async Task<TestStore> SeededStoreAsync()
    {
        var store = await api.NewStoreAsync();
        await store.SeedAsync();
        return store;
    }

    private static async Task ShouldBeExactlyAsync(HttpResponseMessage response, HttpStatusCode status, string body, string? because = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{because} {text}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", because);
        text.ShouldBe(body, because);
    }
}

public sealed class V3HttpErrorTests_Sqlite(SqliteApi api) : V3HttpErrorTests(api), IClassFixture<SqliteApi>;

public sealed class V3HttpErrorTests_Postgres(PostgresApi api) : V3HttpErrorTests(api), IClassFixture<PostgresApi>;
