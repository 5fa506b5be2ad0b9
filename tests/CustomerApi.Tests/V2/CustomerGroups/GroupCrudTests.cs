using System.Globalization;
using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.CustomerGroups;

public abstract class GroupCrudTests(ApiFixture api)
{
    [Fact]
    public async Task Create_returns_201_with_the_full_group_in_spec_order_and_a_Location()
    {
        var store = await api.NewStoreAsync();
        var before = DateTime.UtcNow.AddSeconds(-2);

        var response = await store.V2.PostJsonAsync("customer_groups", new
        {
            name = "Wholesale", is_default = true, is_group_for_guests = false,
            category_access = new { type = "specific", categories = new List<int> { 18, 19 } },
            discount_rules = new object[]
            {
                new { type = "all", method = "percent", amount = 5 },
                new { type = "category", method = "fixed", amount = "2.5", category_id = 30 },
                new { type = "product", method = "price", amount = 10.125, product_id = 3 },
            },
        });

        var group = await response.ShouldBeAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/stores/{store.Hash}/v2/customer_groups/1");
        group.EnumerateObject().Select(p => p.Name).ShouldBe(GroupCalls.FullShape);
        group.GetProperty("id").GetInt32().ShouldBe(1);
        group.GetProperty("name").GetString().ShouldBe("Wholesale");
        group.GetProperty("is_default").GetBoolean().ShouldBeTrue();
        group.GetProperty("is_group_for_guests").GetBoolean().ShouldBeFalse();
        group.GetProperty("category_access").ToString().ShouldBe("""{"type":"specific","categories":[18,19]}""");
        group.GetProperty("discount_rules").ToString().ShouldBe(
            """[{"type":"all","method":"percent","amount":"5.0000"},""" +
            """{"type":"category","method":"fixed","amount":"2.5000","category_id":30},""" +
            """{"type":"product","method":"price","amount":"10.1250","product_id":3}]""");
        foreach (var field in new[] { "date_created", "date_modified" })
        {
            var text = group.GetProperty(field).GetString()!;
            text.ShouldEndWith(" +0000");
            DateTime.ParseExact(text, "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).ShouldBeInRange(before, DateTime.UtcNow.AddSeconds(2));
        }

        (await store.GroupTextAsync()).ShouldBe(group.ToString());
    }

    [Fact]
    public async Task A_group_with_only_a_name_has_all_access_no_rules_and_no_flags()
    {
        var store = await api.NewStoreAsync();

        var group = await store.CreateGroupAsync("  Retail  ");

        group.GetProperty("name").GetString().ShouldBe("Retail");
        group.GetProperty("is_default").GetBoolean().ShouldBeFalse();
        group.GetProperty("is_group_for_guests").GetBoolean().ShouldBeFalse();
        group.GetProperty("category_access").ToString().ShouldBe("""{"type":"all"}""");
        group.GetProperty("discount_rules").GetArrayLength().ShouldBe(0);
        group.GetProperty("date_modified").GetString().ShouldBe(group.GetProperty("date_created").GetString());
    }

    [Fact]
    public async Task A_price_list_rule_shows_only_its_type_and_price_list_id()
    {
        var store = await api.NewStoreAsync();

        var group = await store.CreateGroupAsync("Priced", new { discount_rules = new[] { new { type = "price_list", price_list_id = 3 } } });

        group.GetProperty("discount_rules").ToString().ShouldBe("""[{"type":"price_list","price_list_id":3}]""");
    }

    [Fact]
    public async Task Ids_start_at_1_in_each_store_and_are_never_reused_and_a_failed_create_spends_none()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();

        (await store.CreateGroupAsync("A")).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.CreateGroupAsync("B")).GetProperty("id").GetInt32().ShouldBe(2);
        (await other.CreateGroupAsync("A")).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.V2.DeleteAsync("customer_groups/2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V2.PostJsonAsync("customer_groups", new { name = "a" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await store.CreateGroupAsync("C")).GetProperty("id").GetInt32().ShouldBe(3);
    }

    [Theory]
    [InlineData("Gold")]
    [InlineData("GOLD")]
    [InlineData("  gold ")]
    public async Task A_name_taken_in_the_store_is_409_ignoring_case_and_spaces(string duplicate)
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Gold");

        var response = await store.V2.PostJsonAsync("customer_groups", new { name = duplicate });

        var error = (await response.ShouldBeV2ErrorAsync(HttpStatusCode.Conflict))[0];
        error.GetProperty("message").GetString().ShouldBe("A customer group named 'Gold' already exists.".Replace("Gold", duplicate.Trim(), StringComparison.Ordinal));
        error.GetProperty("details").GetProperty("conflict_reason").GetString().ShouldNotBeNullOrEmpty();
        (await store.GroupCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_name_may_exist_in_two_stores()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateGroupAsync("Shared");

        await other.CreateGroupAsync("Shared");
    }

    [Theory]
    [InlineData("""{}""", "The required field 'name' was not supplied.")]
    [InlineData("""{"name":null}""", "The required field 'name' was not supplied.")]
    [InlineData("""{"name":"   "}""", "The field 'name' is invalid.")]
    [InlineData("""{"name":5}""", "The field 'name' is invalid.")]
    [InlineData("""{"name":"A","is_default":"yes"}""", "The field 'is_default' is invalid.")]
    [InlineData("""{"name":"A","colour":"red"}""", "The field 'colour' is not supported by this resource.")]
    public async Task A_bad_create_is_400_naming_the_field_and_writes_nothing(string body, string message)
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customer_groups", body);

        (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest))[0].GetProperty("message").GetString().ShouldBe(message);
        (await store.GroupCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_name_over_255_characters_is_400()
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customer_groups", new { name = new string('n', 256) });

        (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest))[0].GetProperty("message").GetString().ShouldBe("The field 'name' is invalid.");
        await store.CreateGroupAsync(new string('n', 255));
    }

    [Fact]
    public async Task Read_only_fields_in_the_body_are_ignored()
    {
        var store = await api.NewStoreAsync();

        var group = await store.CreateGroupAsync("RO", new { id = 99, date_created = "Tue, 13 Nov 2012 21:16:41 +0000", date_modified = "x" });

        group.GetProperty("id").GetInt32().ShouldBe(1);
        group.GetProperty("date_created").GetString()!.ShouldNotContain("2012");
    }

    [Fact]
    public async Task Get_returns_the_group_and_404_for_an_unknown_or_another_stores_id()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        var created = await store.CreateGroupAsync("Mine");
        await other.CreateGroupAsync("Theirs");
        await other.CreateGroupAsync("Theirs too");

        (await store.GroupTextAsync()).ShouldBe(created.ToString());
        foreach (var id in new[] { "2", "0", "-1", "abc" })
        {
            await (await store.V2.GetAsync($"customer_groups/{id}")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Delete_is_204_then_the_group_is_gone_and_an_unknown_id_is_404()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Gone");
        await store.CreateGroupAsync("Stays");

        var response = await store.V2.DeleteAsync("customer_groups/1");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        await (await store.V2.GetAsync("customer_groups/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.DeleteAsync("customer_groups/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.DeleteAsync("customer_groups/9")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await store.GroupIdsAsync()).ShouldBe([2]);
        (await store.CreateGroupAsync("Gone")).GetProperty("id").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Count_is_200_with_zero_for_an_empty_store()
    {
        var store = await api.NewStoreAsync();

        (await store.GroupCountAsync()).ShouldBe(0);
        await store.CreateGroupsAsync(3);
        (await store.GroupCountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task A_bulk_delete_or_a_put_without_an_id_is_405()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Kept");

        await (await store.V2.DeleteAsync("customer_groups")).ShouldBeV2ErrorAsync(HttpStatusCode.MethodNotAllowed);
        await (await store.V2.PutJsonAsync("customer_groups", new { name = "X" })).ShouldBeV2ErrorAsync(HttpStatusCode.MethodNotAllowed);
        (await store.GroupCountAsync()).ShouldBe(1);
    }
}

public sealed class GroupCrudTests_Sqlite(SqliteApi api) : GroupCrudTests(api), IClassFixture<SqliteApi>;

public sealed class GroupCrudTests_Postgres(PostgresApi api) : GroupCrudTests(api), IClassFixture<PostgresApi>;
