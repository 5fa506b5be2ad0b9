using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Service;

public abstract class ServiceEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task Health_needs_no_token_and_reports_the_database_up()
    {
        var client = await api.AnonymousClientAsync();

        var health = await (await client.GetAsync("health")).ShouldBeAsync(HttpStatusCode.OK);

        health.GetProperty("status").GetString().ShouldBe("healthy");
        health.GetProperty("database").GetString().ShouldBe("up");
    }

    [Fact]
    public async Task OpenApi_document_lists_every_V2_customers_route_with_the_token_scheme()
    {
        var client = await api.AnonymousClientAsync();

        var document = await (await client.GetAsync("openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        foreach (var (path, methods) in new[]
        {
            ("/stores/{store_hash}/v2/customers", new[] { "get", "post", "delete" }),
            ("/stores/{store_hash}/v2/customers/count", ["get"]),
            ("/stores/{store_hash}/v2/customers/{customer_id}", ["get", "put", "delete"]),
            ("/stores/{store_hash}/v2/customers/{customer_id}/validate", ["post"]),
        })
        {
            foreach (var method in methods)
            {
                paths.GetProperty(path).TryGetProperty(method, out _).ShouldBeTrue($"{method} {path}");
            }
        }

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("X-Auth-Token");
        scheme.GetProperty("type").GetString().ShouldBe("apiKey");
        scheme.GetProperty("in").GetString().ShouldBe("header");
        scheme.GetProperty("name").GetString().ShouldBe("X-Auth-Token");
    }

    [Fact]
    public async Task Swagger_UI_is_served_at_swagger()
    {
        var client = await api.AnonymousClientAsync();
        client.DefaultRequestHeaders.Accept.Clear();

        var page = await client.GetAsync("swagger/index.html");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
    }

    [Fact]
    public async Task Unknown_paths_outside_the_stores_get_a_V2_404_body()
    {
        var client = await api.AnonymousClientAsync();

        await (await client.GetAsync("nothing/here")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ServiceEndpointTests_Sqlite(SqliteApi api) : ServiceEndpointTests(api), IClassFixture<SqliteApi>;

public sealed class ServiceEndpointTests_Postgres(PostgresApi api) : ServiceEndpointTests(api), IClassFixture<PostgresApi>;
