using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CustomerApi.Tests.Admin;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.OpenApi;

/// <summary>
/// The admin API in the service's own document: under its own tag, asking for X-Admin-Key instead of a store's token,
/// every parameter described, every error answer in its {status, title, errors} body, and a request example the
/// service accepts as it stands, so Swagger UI's Try it out works on each admin route.
/// </summary>
public abstract class AdminOpenApiTests(ApiFixture api)
{
    private const string Tag = "Admin (emulator)";
    private static readonly string[] AlwaysAnswered = ["401", "404", "414", "429", "431", "503"];
    private static readonly string[] CustomersScope = ["store_v2_customers"];

    [Fact]
    public async Task Every_admin_operation_is_tagged_asks_for_the_admin_key_and_describes_its_parameters()
    {
        var operations = await AdminOperationsAsync();

        operations.Count.ShouldBeGreaterThanOrEqualTo(7);
        foreach (var (method, path, operation) in operations)
        {
            operation.GetProperty("operationId").GetString()!.ShouldStartWith("admin", Case.Sensitive, $"{method} {path}");
            operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe([Tag], $"{method} {path}");
            var security = operation.GetProperty("security").EnumerateArray().Single();
            security.EnumerateObject().Select(s => s.Name).ShouldBe(["X-Admin-Key"], $"{method} {path}");
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
            {
                parameter.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace($"{method} {path} {parameter.GetProperty("name")}");
            }
        }

        var schemes = (await ServiceDocument.LoadAsync(await api.FactoryAsync())).Root.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("X-Admin-Key").GetProperty("name").GetString().ShouldBe("X-Admin-Key");
    }

    [Fact]
    public async Task Every_admin_operation_documents_its_error_answers_in_the_admin_body_with_examples_that_fit()
    {
        var document = await ServiceDocument.LoadAsync(await api.FactoryAsync());

        foreach (var (method, path, operation) in await AdminOperationsAsync())
        {
            var responses = operation.GetProperty("responses");
            var expected = operation.TryGetProperty("requestBody", out _) ? AlwaysAnswered.Concat(["400", "413", "415", "422"]) : AlwaysAnswered;
            expected.ShouldBeSubsetOf(responses.EnumerateObject().Select(r => r.Name), $"{method} {path}");
            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var media = error.Value.GetProperty("content").GetProperty("application/json");
                var schema = media.GetProperty("schema");
                var offered = schema.TryGetProperty("anyOf", out var anyOf) ? [.. anyOf.EnumerateArray()] : new[] { schema };
                offered.Select(s => s.TryGetProperty("$ref", out var reference) ? reference.GetString() : null)
                    .ShouldContain("#/components/schemas/ErrorAdmin", $"{method} {path} {error.Name}");
                var status = int.Parse(error.Name, CultureInfo.InvariantCulture);
                var example = media.GetProperty("example");
                document.Problem(method, ServiceOperations.Concrete(path), status, example.GetRawText()).ShouldBeNull($"{method} {path} {error.Name}");
                ServiceOperations.StatusOf(example).ShouldBe(status);
            }
        }
    }

    [Fact]
    public async Task Every_admin_write_carries_an_example_request_that_the_service_accepts_as_it_stands()
    {
        var admin = await api.AdminAsync();
        var (hash, _) = await admin.CreateStoreAsync();
        var token = await (await admin.PostJsonAsync($"admin/stores/{hash}/tokens", new { scopes = CustomersScope }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var writes = (await AdminOperationsAsync()).Where(o => o.Operation.TryGetProperty("requestBody", out _)).ToList();
        writes.Count.ShouldBeGreaterThanOrEqualTo(2);

        foreach (var (method, path, operation) in writes)
        {
            var example = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText();
            var url = path.TrimStart('/').Replace("{hash}", hash, StringComparison.Ordinal)
                .Replace("{id}", token.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(example, Encoding.UTF8, "application/json") };

            var response = await admin.SendAsync(request);

            ((int)response.StatusCode).ShouldBeInRange(200, 299, $"{method} {url} {example}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_method_an_admin_path_lacks_answers_405_in_the_admin_body()
    {
        var admin = await api.AdminAsync();

        var response = await admin.PutAsync("admin/stores", new StringContent("{}", Encoding.UTF8, "application/json"));

        var body = await response.ShouldBeAsync(HttpStatusCode.MethodNotAllowed);
        body.GetProperty("status").GetInt32().ShouldBe(405);
        body.TryGetProperty("type", out _).ShouldBeFalse("the admin body is {status, title, errors}, not V3's");
    }

    private async Task<List<(string Method, string Path, JsonElement Operation)>> AdminOperationsAsync() =>
        [.. (await ServiceOperations.AllAsync(await api.FactoryAsync())).Where(o => o.Path.StartsWith("/admin/", StringComparison.Ordinal))];
}

public sealed class AdminOpenApiTests_Sqlite(SqliteApi api) : AdminOpenApiTests(api), IClassFixture<SqliteApi>;

public sealed class AdminOpenApiTests_Postgres(PostgresApi api) : AdminOpenApiTests(api), IClassFixture<PostgresApi>;
