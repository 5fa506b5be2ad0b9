using System.Text;
using System.Text.Json;
using CustomerApi.Bootstrap;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.OpenApi;

/// <summary>
/// The service's own document, operation by operation: what Swagger UI's Try it out and a client generator need
/// (store_hash, operationId, summary, a request example, every error answer in its version's body).
/// </summary>
public abstract class OpenApiDocumentTests(ApiFixture api)
{
    private static readonly string[] AlwaysAnswered = ["400", "401", "403", "406", "414", "429", "431", "503"];

    [Fact]
    public async Task Every_operation_declares_store_hash_in_its_path_with_the_demo_store_as_its_example()
    {
        var operations = await OperationsAsync();

        operations.Count.ShouldBeGreaterThanOrEqualTo(28);
        foreach (var (method, path, operation) in operations)
        {
            var storeHash = operation.GetProperty("parameters").EnumerateArray().SingleOrDefault(p => p.GetProperty("name").GetString() == "store_hash");
            storeHash.ValueKind.ShouldBe(JsonValueKind.Object, $"{method} {path} declares store_hash");
            storeHash.GetProperty("in").GetString().ShouldBe("path");
            storeHash.GetProperty("required").GetBoolean().ShouldBeTrue();
            storeHash.GetProperty("example").GetString().ShouldBe("demo");
        }
    }

    [Fact]
    public async Task Every_query_parameter_is_typed_and_described()
    {
        var parameters = (await OperationsAsync())
            .SelectMany(o => o.Operation.GetProperty("parameters").EnumerateArray().Select(p => (o.Method, o.Path, Parameter: p)))
            .Where(p => p.Parameter.GetProperty("in").GetString() == "query").ToList();

        parameters.Count.ShouldBeGreaterThan(30);
        foreach (var (method, path, parameter) in parameters)
        {
            var name = $"{method} {path} {parameter.GetProperty("name").GetString()}";
            parameter.GetProperty("schema").GetProperty("type").GetString().ShouldBeOneOf(["string", "integer"], name);
            parameter.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace(name);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_unique_operationId_a_summary_and_a_tag()
    {
        var operations = await ServiceOperations.AllAsync(await api.FactoryAsync());

        foreach (var (method, path, operation) in operations)
        {
            operation.GetProperty("operationId").GetString().ShouldNotBeNullOrWhiteSpace($"{method} {path}");
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace($"{method} {path}");
            operation.GetProperty("tags").GetArrayLength().ShouldBe(1, $"{method} {path}");
        }

        operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ShouldBeUnique();
    }

    [Fact]
    public async Task Every_operation_documents_its_error_answers_in_its_versions_body_with_an_example_that_body_fits()
    {
        var document = await DocumentAsync();

        foreach (var (method, path, operation) in await OperationsAsync())
        {
            var responses = operation.GetProperty("responses");
            var expected = AlwaysAnswered.AsEnumerable();
            expected = path.Contains("_id}", StringComparison.Ordinal) ? expected.Append("404") : expected;
            expected = operation.TryGetProperty("requestBody", out _) ? expected.Concat(["413", "415"]) : expected;
            expected.ShouldBeSubsetOf(responses.EnumerateObject().Select(r => r.Name), $"{method} {path}");

            var errorSchema = path.Contains("/v3/", StringComparison.Ordinal) ? "#/components/schemas/ErrorV3" : "#/components/schemas/ErrorV2";
            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var media = error.Value.GetProperty("content").GetProperty("application/json");
                // A route that answers the status with a body of its own too (a metafield batch's partial 422) offers both.
                var schema = media.GetProperty("schema");
                var offered = schema.TryGetProperty("anyOf", out var anyOf) ? [.. anyOf.EnumerateArray()] : new[] { schema };
                offered.Select(s => s.TryGetProperty("$ref", out var reference) ? reference.GetString() : null)
                    .ShouldContain(errorSchema, $"{method} {path} {error.Name}");
                var example = media.GetProperty("example").GetRawText();
                document.Problem(method, Concrete(path), int.Parse(error.Name, System.Globalization.CultureInfo.InvariantCulture), example)
                    .ShouldBeNull($"{method} {path} {error.Name} example {example}");
                StatusOf(media.GetProperty("example")).ShouldBe(int.Parse(error.Name, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task The_405_and_501_a_path_answers_to_a_method_it_lacks_are_documented_in_each_versions_body()
    {
        var store = await api.NewStoreAsync();
        var responses = (await DocumentAsync()).Root.GetProperty("components").GetProperty("responses");

        foreach (var (client, version) in new[] { (store.V2, "V2"), (store.V3, "V3") })
        {
            var url = version == "V2" ? "customers/count" : "customers/attributes";
            foreach (var (method, status, name) in new[] { ("PUT", 405, "MethodNotAllowed"), ("PATCH", 501, "MethodNotImplemented") })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                if (version == "V3" && method == "PUT")
                {
                    request.Method = HttpMethod.Post;
                    request.RequestUri = new Uri("customers/attribute-values", UriKind.Relative);
                }

                var response = await client.SendAsync(request);

                ((int)response.StatusCode).ShouldBe(status, $"{request.Method} {request.RequestUri}");
                var media = responses.GetProperty(name + version).GetProperty("content").GetProperty("application/json");
                media.GetProperty("schema").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/Error" + version);
                StatusOf(media.GetProperty("example")).ShouldBe(status);
            }
        }
    }

    [Fact]
    public async Task Creates_declare_201_with_Location_and_V2_lists_declare_204_for_an_empty_page()
    {
        var operations = await OperationsAsync();

        foreach (var (method, path, operation) in operations.Where(o => o.Method == "POST" && o.Path.Contains("/v2/", StringComparison.Ordinal)
                     && !o.Path.EndsWith("/validate", StringComparison.Ordinal)))
        {
            var created = operation.GetProperty("responses").GetProperty("201");
            created.GetProperty("headers").GetProperty("Location").GetProperty("required").GetBoolean().ShouldBeTrue($"{method} {path}");
        }

        foreach (var (method, path, operation) in operations.Where(o => o.Method == "GET" && o.Path.Contains("/v2/", StringComparison.Ordinal)
                     && o.Operation.GetProperty("responses").GetProperty("200").TryGetProperty("content", out var content)
                     && content.GetProperty("application/json").GetProperty("schema").TryGetProperty("type", out var type) && type.GetString() == "array"))
        {
            operation.GetProperty("responses").TryGetProperty("204", out _).ShouldBeTrue($"{method} {path}");
        }
    }

    [Fact]
    public async Task Request_bodies_state_the_rules_the_service_enforces()
    {
        var schemas = (await DocumentAsync()).Root.GetProperty("components").GetProperty("schemas");

        Required(schemas, "CreateCustomerV2").ShouldBe(["email", "first_name", "last_name"], ignoreOrder: true);
        Required(schemas, "CreateAddressV2").ShouldBe(["city", "country", "first_name", "last_name", "phone", "state", "street_1", "zip"], ignoreOrder: true);
        Required(schemas, "CreateAttributeV3").ShouldBe(["name", "type"], ignoreOrder: true);
        Required(schemas, "UpdateCustomerV2").ShouldBeEmpty();
        schemas.GetProperty("CreateCustomerV2").GetProperty("properties").GetProperty("first_name").GetProperty("maxLength").GetInt32().ShouldBe(100);
        schemas.GetProperty("CreateAttributeV3").GetProperty("properties").GetProperty("type").GetProperty("enum")
            .EnumerateArray().Select(v => v.GetString()).ShouldBe(["string", "number", "date"], ignoreOrder: true);
        schemas.GetProperty("CustomerV2").GetProperty("properties").GetProperty("store_credit").GetProperty("type").GetString().ShouldBe("string");
        schemas.GetProperty("CustomerV2").GetProperty("properties").GetProperty("date_created").GetProperty("pattern").GetString()!.ShouldContain("+0000");
    }

    [Fact]
    public async Task Every_write_carries_an_example_request_that_the_service_accepts_as_it_stands()
    {
        // The demo store's form fields: the examples set the ones BigCommerce's own examples do, as the demo store defines them.
        var store = await api.NewStoreWithFormFieldsAsync([.. DemoStore.Seed.FormFields]);
        var writes = (await OperationsAsync()).Where(o => o.Operation.TryGetProperty("requestBody", out _))
            .OrderBy(o => o.Method == "POST" ? 0 : 1).ThenBy(o => o.Path.Length) // creates first, so the ids the others name exist
            .ToList();
        writes.Count.ShouldBeGreaterThanOrEqualTo(10);

        foreach (var (method, path, operation) in writes)
        {
            var example = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText();
            var url = path.Replace("/stores/{store_hash}/v2/", "", StringComparison.Ordinal);
            var client = url.StartsWith("/stores/", StringComparison.Ordinal) ? store.V3 : store.V2;
            url = url.Replace("/stores/{store_hash}/v3/", "", StringComparison.Ordinal).Replace("{customer_id}", "1", StringComparison.Ordinal)
                .Replace("{customerId}", "1", StringComparison.Ordinal).Replace("{metafieldId}", "1", StringComparison.Ordinal).Replace("{customer_address_id}", "1", StringComparison.Ordinal).Replace("{customer_group_id}", "1", StringComparison.Ordinal)
                .Replace("{channel_id}", "1", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(example, Encoding.UTF8, "application/json") };

            var response = await client.SendAsync(request);

            ((int)response.StatusCode).ShouldBeInRange(200, 299, $"{method} {url} {example}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task The_guard_every_test_client_carries_refuses_an_answer_the_document_does_not_describe()
    {
        var document = await DocumentAsync();
        const string customer = "/stores/abc/v2/customers/1";

        document.Problem("GET", customer, 418, "").ShouldNotBeNull();
        document.Problem("GET", customer, 200, """{"id":1}""").ShouldNotBeNull("a customer without its fields");
        document.Problem("DELETE", customer, 204, "[]").ShouldNotBeNull("a 204 with a body");
        document.Problem("GET", customer, 404, """{"status":404,"title":"Not found","type":"x","errors":{}}""").ShouldNotBeNull("a V3 error on V2");
        document.Problem("GET", "/stores/abc/v3/customers/attributes", 200, """{"data":[],"meta":{}}""").ShouldNotBeNull("a list without pagination");
        document.Problem("GET", customer, 404, """[{"status":404,"message":"The requested resource was not found."}]""").ShouldBeNull();
        document.Problem("GET", "/stores/abc/v2/customers/count", 200, """{"count":3}""").ShouldBeNull();
    }

    private async Task<ServiceDocument> DocumentAsync() => await ServiceDocument.LoadAsync(await api.FactoryAsync());

    /// <summary>The store API's operations (under <c>/stores/{store_hash}</c>); the admin API's are AdminOpenApiTests'.</summary>
    private async Task<List<(string Method, string Path, JsonElement Operation)>> OperationsAsync() =>
        [.. (await ServiceOperations.AllAsync(await api.FactoryAsync())).Where(o => o.Path.StartsWith("/stores/", StringComparison.Ordinal))];

    private static string Concrete(string path) => ServiceOperations.Concrete(path);

    private static int StatusOf(JsonElement error) => ServiceOperations.StatusOf(error);

    private static string[] Required(JsonElement schemas, string name) =>
        schemas.GetProperty(name).TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];
}

public sealed class OpenApiDocumentTests_Sqlite(SqliteApi api) : OpenApiDocumentTests(api), IClassFixture<SqliteApi>;

public sealed class OpenApiDocumentTests_Postgres(PostgresApi api) : OpenApiDocumentTests(api), IClassFixture<PostgresApi>;
