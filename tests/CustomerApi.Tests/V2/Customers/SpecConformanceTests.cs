using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

/// <summary>Responses held against BigCommerce's own customers.v2.yml: every declared field, of its declared type.</summary>
public abstract class SpecConformanceTests(ApiFixture api)
{
    private static BigCommerceSpec Spec => BigCommerceSpec.V2;

    // Write-only: "Not returned in any responses" (customer_Base._authentication).
    private static readonly string[] NeverReturned = ["_authentication"];

    [Fact]
    public async Task A_customer_has_exactly_the_fields_of_customer_Full_with_their_declared_types()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("spec@example.com", new { company = "Acme", phone = "1", notes = "n", store_credit = 1, tax_exempt_category = "G" });
        var expected = Spec.Properties("customer_Full").Where(p => !NeverReturned.Contains(p.Key)).ToDictionary();

        var one = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        var listed = (await (await store.V2.GetAsync("customers")).ShouldBeAsync(HttpStatusCode.OK))[0];

        foreach (var customer in new[] { one, listed })
        {
            customer.EnumerateObject().Select(p => p.Name).Order().ShouldBe(expected.Keys.Order());
            foreach (var (name, (type, nullable)) in expected)
            {
                BigCommerceSpec.ShouldHaveType(customer.GetProperty(name), type, nullable, name);
            }
        }
    }

    [Fact]
    public async Task Count_and_validate_answers_have_the_declared_shapes()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("shape@example.com");

        var count = await (await store.V2.GetAsync("customers/count")).ShouldBeAsync(HttpStatusCode.OK);
        var validation = await (await store.V2.PostJsonAsync("customers/1/validate", new { password = Passwords.Good })).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var (body, schema) in new[] { (count, "count_Full"), (validation, "validatePassword") })
        {
            var expected = Spec.Properties(schema);
            body.EnumerateObject().Select(p => p.Name).Order().ShouldBe(expected.Keys.Order());
            foreach (var (name, (type, nullable)) in expected)
            {
                BigCommerceSpec.ShouldHaveType(body.GetProperty(name), type, nullable, name);
            }
        }
    }

    [Fact]
    public async Task Every_customers_path_and_method_of_the_spec_is_served()
    {
        var checkedPaths = await Spec.ShouldServeEveryMethodAsync(await api.AnonymousClientAsync(), "/stores/{store_hash}/v2",
            p => p.StartsWith("/customers", StringComparison.Ordinal) && !p.Contains("/addresses", StringComparison.Ordinal));
        checkedPaths.ShouldBeGreaterThan(0);
    }
}

public sealed class SpecConformanceTests_Sqlite(SqliteApi api) : SpecConformanceTests(api), IClassFixture<SqliteApi>;

public sealed class SpecConformanceTests_Postgres(PostgresApi api) : SpecConformanceTests(api), IClassFixture<PostgresApi>;
