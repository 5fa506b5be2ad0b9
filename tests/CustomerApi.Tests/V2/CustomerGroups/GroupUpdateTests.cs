using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.CustomerGroups;

/// <summary><c>PUT /customer_groups/{id}</c>: a partial update whose <c>discount_rules</c> replace the old ones wholesale.</summary>
public abstract class GroupUpdateTests(ApiFixture api)
{
    [Fact]
    public async Task Put_changes_only_what_it_sends_and_bumps_date_modified()
    {
        var store = await api.NewStoreAsync();
        var created = await store.CreateGroupAsync("Before", new
        {
            category_access = new { type = "none" }, discount_rules = new[] { new { type = "all", method = "percent", amount = 5 } },
        });
        await Task.Delay(1100);

        var updated = await (await store.V2.PutJsonAsync("customer_groups/1", new { name = "After" })).ShouldBeAsync(HttpStatusCode.OK);

        updated.GetProperty("name").GetString().ShouldBe("After");
        foreach (var field in new[] { "id", "is_default", "is_group_for_guests", "category_access", "discount_rules", "date_created" })
        {
            updated.GetProperty(field).ToString().ShouldBe(created.GetProperty(field).ToString(), field);
        }

        updated.GetProperty("date_modified").GetString().ShouldNotBe(created.GetProperty("date_modified").GetString());
        (await store.GroupTextAsync()).ShouldBe(updated.ToString());
    }

    [Fact]
    public async Task Put_replaces_discount_rules_wholesale_and_an_empty_list_removes_them()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Rules", new
        {
            discount_rules = new object[]
            {
                new { type = "all", method = "percent", amount = 5 },
                new { type = "category", method = "percent", amount = 10, category_id = 1 },
            },
        });

        var replaced = await (await store.V2.PutJsonAsync("customer_groups/1", new
        {
            discount_rules = new[] { new { type = "product", method = "fixed", amount = 1, product_id = 7 } },
        })).ShouldBeAsync(HttpStatusCode.OK);
        replaced.GetProperty("discount_rules").ToString().ShouldBe("""[{"type":"product","method":"fixed","amount":"1.0000","product_id":7}]""");

        var cleared = await (await store.V2.PutJsonAsync("customer_groups/1", new { discount_rules = Array.Empty<object>() })).ShouldBeAsync(HttpStatusCode.OK);
        cleared.GetProperty("discount_rules").GetArrayLength().ShouldBe(0);
        (await store.GroupTextAsync()).ShouldBe(cleared.ToString());
    }

    [Fact]
    public async Task Put_can_switch_category_access_and_drops_categories_that_no_longer_apply()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Access", new { category_access = new { type = "specific", categories = new List<int> { 5, 5, 6 } } });
        (await store.GroupTextAsync()).ShouldContain("""{"type":"specific","categories":[5,6]}""");

        var updated = await (await store.V2.PutJsonAsync("customer_groups/1", new { category_access = new { type = "all" } })).ShouldBeAsync(HttpStatusCode.OK);

        updated.GetProperty("category_access").ToString().ShouldBe("""{"type":"all"}""");
    }

    [Fact]
    public async Task Put_keeping_its_own_name_is_fine_but_taking_another_groups_name_is_409_and_changes_nothing()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("One");
        await store.CreateGroupAsync("Two");
        var before = await store.GroupTextAsync(2);

        (await store.V2.PutJsonAsync("customer_groups/1", new { name = "ONE" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await store.V2.PutJsonAsync("customer_groups/2", new { name = "one", is_default = true });

        await response.ShouldBeV2ErrorAsync(HttpStatusCode.Conflict);
        (await store.GroupTextAsync(2)).ShouldBe(before);
        (await store.GroupTextAsync(1)).ShouldContain("\"is_default\":false");
    }

    [Fact]
    public async Task Put_on_an_unknown_id_is_404_and_a_bad_body_is_400()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Only");
        var before = await store.GroupTextAsync();

        await (await store.V2.PutJsonAsync("customer_groups/2", new { name = "X" })).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        var error = await (await store.V2.PutJsonAsync("customer_groups/1", new { name = "" })).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        error[0].GetProperty("message").GetString().ShouldBe("The field 'name' is invalid.");
        (await store.GroupTextAsync()).ShouldBe(before);
        await (await store.V2.GetAsync("customer_groups/2")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_one_group_is_the_default_making_another_the_default_moves_the_flag()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("First", new { is_default = true });
        await store.CreateGroupAsync("Second", new { is_default = true });

        (await store.GroupIdsAsync("is_default=true")).ShouldBe([2]);
        (await store.V2.PutJsonAsync("customer_groups/1", new { is_default = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await store.GroupIdsAsync("is_default=true")).ShouldBe([1]);
        (await store.V2.PutJsonAsync("customer_groups/1", new { is_default = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await store.GroupIdsAsync("is_default=true")).ShouldBeEmpty();
    }
}

public sealed class GroupUpdateTests_Sqlite(SqliteApi api) : GroupUpdateTests(api), IClassFixture<SqliteApi>;

public sealed class GroupUpdateTests_Postgres(PostgresApi api) : GroupUpdateTests(api), IClassFixture<PostgresApi>;
