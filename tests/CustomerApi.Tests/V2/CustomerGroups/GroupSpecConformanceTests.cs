using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.CustomerGroups;

/// <summary>Customer groups held against BigCommerce's own customers.v2.yml.</summary>
public abstract class GroupSpecConformanceTests(ApiFixture api)
{
    private static BigCommerceSpec Spec => BigCommerceSpec.V2;

    [Fact]
    public async Task A_group_has_exactly_the_fields_of_customerGroup_Full_with_their_declared_types()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Spec", new
        {
            category_access = new { type = "specific", categories = new List<int> { 1 } },
            discount_rules = new[] { new { type = "all", method = "percent", amount = 5 } },
        });
        var expected = Spec.Properties("customerGroup_Full");

        var one = await (await store.V2.GetAsync("customer_groups/1")).ShouldBeAsync(HttpStatusCode.OK);
        var listed = (await (await store.V2.GetAsync("customer_groups")).ShouldBeAsync(HttpStatusCode.OK))[0];

        foreach (var group in new[] { one, listed })
        {
            group.EnumerateObject().Select(p => p.Name).Order().ShouldBe(expected.Keys.Order());
            foreach (var (name, (type, nullable)) in expected)
            {
                // discount_rules is declared as a oneOf of arrays, which carries no top-level type.
                BigCommerceSpec.ShouldHaveType(group.GetProperty(name), name == "discount_rules" ? "array" : type, nullable, name);
            }

            var access = Spec.Properties("categoryAccessLevel_Full");
            foreach (var property in group.GetProperty("category_access").EnumerateObject())
            {
                access.ShouldContainKey(property.Name);
                BigCommerceSpec.ShouldHaveType(property.Value, access[property.Name].Type, access[property.Name].Nullable, property.Name);
            }
        }
    }

    [Fact]
    public async Task Count_has_the_shape_of_count_Full()
    {
        var store = await api.NewStoreAsync();

        var count = await (await store.V2.GetAsync("customer_groups/count")).ShouldBeAsync(HttpStatusCode.OK);

        count.EnumerateObject().Select(p => p.Name).ShouldBe(Spec.Properties("count_Full").Keys);
        count.GetProperty("count").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task Every_customer_groups_path_and_method_of_the_spec_is_served()
    {
        var checkedPaths = await Spec.ShouldServeEveryMethodAsync(await api.AnonymousClientAsync(), "/stores/{store_hash}/v2",
            p => p.StartsWith("/customer_groups", StringComparison.Ordinal));
        checkedPaths.ShouldBe(3);
    }
}

public sealed class GroupSpecConformanceTests_Sqlite(SqliteApi api) : GroupSpecConformanceTests(api), IClassFixture<SqliteApi>;

public sealed class GroupSpecConformanceTests_Postgres(PostgresApi api) : GroupSpecConformanceTests(api), IClassFixture<PostgresApi>;
