using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.V3;

/// <summary>V3 answers held against BigCommerce's own customers.v3.yml: items, pagination and errors, field by field.</summary>
public abstract partial class V3SpecConformanceTests(ApiFixture api)
{
    private static BigCommerceSpec Spec => BigCommerceSpec.V3;

    private static readonly string[] JsonSchema = ["content", "application/json", "schema"];

    private static IReadOnlyDictionary<string, (string Type, bool Nullable)> ResponseItem(string response) =>
        Spec.PropertiesAt(["components", "responses", response, .. JsonSchema, "properties", "data", "items"]);

    [Fact]
    public async Task Attributes_listed_created_and_updated_have_exactly_the_fields_of_CustomerAttributesResponse()
    {
        var store = await api.NewStoreAsync();
        var expected = ResponseItem("CustomerAttributesResponse");
        expected.Keys.Order().ShouldBe(["date_created", "date_modified", "id", "name", "type"]);

        var created = await (await store.V3.PostJsonAsync(AttributesUrl, new[] { new { name = "Age", type = "number" }, new { name = "Since", type = "date" } }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var updated = await (await store.V3.PutJsonAsync(AttributesUrl, new[] { new { id = 1, name = "Years" } })).ShouldBeAsync(HttpStatusCode.OK);
        var listed = await (await store.V3.GetAsync(AttributesUrl)).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var (body, count) in new[] { (created, 2), (updated, 1), (listed, 2) })
        {
            body.Data().Length.ShouldBe(count);
            foreach (var item in body.Data())
            {
                ShouldMatch(item, expected);
            }
        }
    }

    [Fact]
    public async Task Attribute_values_listed_and_upserted_have_exactly_the_fields_of_CustomerAttributeValueCollectionResponse()
    {
        var store = await api.NewStoreAsync();
        await store.SeedAsync();
        var expected = ResponseItem("CustomerAttributeValueCollectionResponse");
        expected.Keys.Order().ShouldBe(["attribute_id", "attribute_value", "customer_id", "date_created", "date_modified", "id"]);

        var upserted = await (await store.V3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = 1, attribute_id = 1, value = "43" } }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var listed = await (await store.V3.GetAsync(ValuesUrl)).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var body in new[] { upserted, listed })
        {
            ShouldMatch(body.Data().ShouldHaveSingleItem(), expected);
        }
    }

    [Fact]
    public async Task Lists_carry_data_and_meta_pagination_with_exactly_the_Pagination_fields()
    {
        var store = await api.NewStoreAsync();
        await store.SeedAsync();
        await store.CreateAttributesAsync(("Colour", "string"), ("Since", "date"));
        var pagination = Spec.Properties("Pagination");
        var inline = Spec.PropertiesAt(["components", "responses", "CustomerAttributeValueCollectionResponse", .. JsonSchema,
            "properties", "meta", "properties", "pagination"]);
        inline.Keys.Order().ShouldBe(pagination.Keys.Order());
        var links = Spec.PropertiesAt("components", "schemas", "Pagination", "properties", "links");
        links.Keys.Order().ShouldBe(["current", "next", "previous"]);

        foreach (var url in new[] { AttributesUrl + "?limit=1&page=2", ValuesUrl, AttributesUrl + "?name=nobody" })
        {
            var body = await (await store.V3.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);

            body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"], url);
            body.GetProperty("meta").EnumerateObject().Select(p => p.Name).ShouldBe(["pagination"], url);
            ShouldMatch(body.GetProperty("meta").GetProperty("pagination"), pagination, optional: []);
            var pageLinks = body.GetProperty("meta").GetProperty("pagination").GetProperty("links");
            pageLinks.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(links.Keys, url);
            pageLinks.GetProperty("current").ValueKind.ShouldBe(JsonValueKind.String, url);
            ShouldMatch(pageLinks, links, optional: ["next", "previous"]);
        }

        var middle = await (await store.V3.GetAsync(AttributesUrl + "?limit=1&page=2")).ShouldBeAsync(HttpStatusCode.OK);
        middle.GetProperty("meta").GetProperty("pagination").GetProperty("links").EnumerateObject().Select(p => p.Name).Order()
            .ShouldBe(["current", "next", "previous"]);
    }

    [Fact]
    public async Task Write_answers_carry_data_and_an_empty_meta()
    {
        var store = await api.NewStoreAsync();
        await store.SeedAsync();

        foreach (var response in new[]
        {
            await store.V3.PostJsonAsync(AttributesUrl, new[] { new { name = "Colour", type = "string" } }),
            await store.V3.PutJsonAsync(AttributesUrl, new[] { new { id = 2, name = "Hue" } }),
            await store.V3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = 1, attribute_id = 2, value = "red" } }),
        })
        {
            var body = await response.ShouldBeAsync(HttpStatusCode.OK);
            body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
            body.GetProperty("meta").EnumerateObject().ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Every_V3_error_body_has_the_ErrorResponse_fields_status_title_type_and_errors()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));
        await store.SeedAsync();
        var expected = Spec.Properties("ErrorResponse");
        expected.Keys.Order().ShouldBe(["errors", "instance", "status", "title", "type"]);
        var xml = Request("GET", AttributesUrl);
        xml.Headers.Accept.ParseAdd("application/xml");
        var noJsonAccept = store.V3With(store.Token);
        noJsonAccept.DefaultRequestHeaders.Accept.Clear();

        var errors = new[]
        {
            await store.V3.PostJsonAsync(AttributesUrl, new[] { new { name = "", type = "colour" } }),
            await store.V3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = 99, attribute_id = 1, value = "x" } }),
            await store.V3.GetAsync(ValuesUrl + "?nonsense=1&customer_id:in=abc"),
            await store.V3.PostJsonAsync(AttributesUrl, "[{"),
            await store.V3With(null).GetAsync(AttributesUrl),
            await readOnly.PostJsonAsync(AttributesUrl, new[] { new { name = "Colour", type = "string" } }),
            await store.V3.GetAsync("customers/nothing"),
            await store.V3.PostJsonAsync(ValuesUrl, "[]"),
            await store.V3.SendAsync(Request("PATCH", AttributesUrl, "[]")),
            await store.V3.SendAsync(Request("PUT", ValuesUrl, "[]", "text/plain")),
            await store.V3.SendAsync(Request("PUT", AttributesUrl, $"[\"{new string('x', 1024 * 1024)}\"]")),
            await noJsonAccept.SendAsync(xml),
            await store.V3.PutJsonAsync(ValuesUrl, Enumerable.Range(1, 11).Select(c => new { customer_id = c, attribute_id = 1, value = "1" }).ToArray()),
        };

        errors.Select(e => (int)e.StatusCode).ShouldBe([422, 422, 422, 400, 401, 403, 404, 405, 501, 415, 413, 406, 413]);
        foreach (var response in errors)
        {
            var body = await response.ShouldBeV3ErrorAsync(response.StatusCode);
            ShouldMatch(body, expected, optional: ["instance"]);
            body.GetProperty("errors").EnumerateObject().ShouldAllBe(e => e.Value.ValueKind == JsonValueKind.String);
        }
    }

    [Fact]
    public async Task Every_method_of_the_specs_attribute_paths_is_routed()
    {
        var paths = new[] { "/customers/attributes", "/customers/attribute-values" };
        paths.ShouldBeSubsetOf(Spec.Paths);
        var store = await api.NewStoreAsync();
        await store.SeedAsync();
        var client = await api.AnonymousClientAsync();
        var served = (await (await client.GetAsync("openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("paths");
        var bodies = new Dictionary<string, string>
        {
            ["post /customers/attributes"] = """[{"name":"Colour","type":"string"}]""",
            ["put /customers/attributes"] = """[{"id":1,"name":"Years"}]""",
            ["put /customers/attribute-values"] = """[{"customer_id":1,"attribute_id":1,"value":"44"}]""",
        };

        var methods = paths.SelectMany(path => Spec.Methods(path).Select(method => (path, method))).ToList();
        methods.Count.ShouldBe(7);
        foreach (var (path, method) in methods)
        {
            served.GetProperty("/stores/{store_hash}/v3" + path).TryGetProperty(method, out _).ShouldBeTrue($"{method} {path} in /openapi/v1.json");

            var response = await store.V3.SendAsync(Request(method.ToUpperInvariant(), path.TrimStart('/'), bodies.GetValueOrDefault($"{method} {path}")));

            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBeOneOf([200, 204], $"{method} {path}: {text}");
        }
    }

    /// <summary>Exactly the declared fields (all present but <paramref name="optional"/>), each of its declared type.</summary>
    private static void ShouldMatch(JsonElement item, IReadOnlyDictionary<string, (string Type, bool Nullable)> expected, string[]? optional = null)
    {
        var names = item.EnumerateObject().Select(p => p.Name).ToList();
        names.ShouldBeSubsetOf(expected.Keys, $"undeclared field in {item}");
        expected.Keys.Except(optional ?? []).ShouldBeSubsetOf(names, $"missing field in {item}");
        foreach (var name in names)
        {
            var (type, nullable) = expected[name];
            var value = item.GetProperty(name);
            BigCommerceSpec.ShouldHaveType(value, type, nullable, name);
            if (name.StartsWith("date_", StringComparison.Ordinal))
            {
                IsoSecondUtc().IsMatch(value.GetString()!).ShouldBeTrue($"{name} is not an ISO 8601 UTC date-time: {value}");
            }
        }
    }


    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex IsoSecondUtc();
}

public sealed class V3SpecConformanceTests_Sqlite(SqliteApi api) : V3SpecConformanceTests(api), IClassFixture<SqliteApi>;

public sealed class V3SpecConformanceTests_Postgres(PostgresApi api) : V3SpecConformanceTests(api), IClassFixture<PostgresApi>;
