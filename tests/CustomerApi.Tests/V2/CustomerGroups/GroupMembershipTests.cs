using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Customers;

namespace CustomerApi.Tests.V2.CustomerGroups;

/// <summary>A customer's <c>customer_group_id</c> is 0 or a group of its own store; deleting a group moves its customers to 0.</summary>
public abstract class GroupMembershipTests(ApiFixture api)
{
    private const string InvalidGroup = "The field 'customer_group_id' is invalid.";

    [Fact]
    public async Task A_customer_may_join_an_existing_group_or_none()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(2);

        (await store.CreateCustomerAsync("in@example.com", new { customer_group_id = 2 })).GetProperty("customer_group_id").GetInt32().ShouldBe(2);
        (await store.CreateCustomerAsync("out@example.com", new { customer_group_id = 0 })).GetProperty("customer_group_id").GetInt32().ShouldBe(0);
        var moved = await (await store.V2.PutJsonAsync("customers/2", new { customer_group_id = 1 })).ShouldBeAsync(HttpStatusCode.OK);
        moved.GetProperty("customer_group_id").GetInt32().ShouldBe(1);
        var left = await (await store.V2.PutJsonAsync("customers/1", new { customer_group_id = 0 })).ShouldBeAsync(HttpStatusCode.OK);
        left.GetProperty("customer_group_id").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Creating_a_customer_in_an_unknown_group_is_400_and_creates_nothing()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(1);

        var response = await store.V2.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "a@example.com", customer_group_id = 2 });

        var error = (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest))[0];
        error.GetProperty("message").GetString().ShouldBe(InvalidGroup);
        error.GetProperty("details").GetProperty("invalid_reason").GetString()!.ShouldContain("Customer group 2 does not exist");
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        (await store.CreateCustomerAsync("a@example.com")).GetProperty("id").GetInt32().ShouldBe(1); // the refused create spent no id
    }

    [Fact]
    public async Task Another_stores_group_is_unknown_here()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateGroupsAsync(3);
        await store.CreateCustomerAsync("mine@example.com");
        var before = await store.CustomerTextAsync();

        var created = await store.V2.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "b@example.com", customer_group_id = 3 });
        var updated = await store.V2.PutJsonAsync("customers/1", new { customer_group_id = 3 });

        foreach (var response in new[] { created, updated })
        {
            (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest))[0].GetProperty("message").GetString().ShouldBe(InvalidGroup);
        }

        (await store.CustomerTextAsync()).ShouldBe(before);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Moving_a_customer_to_an_unknown_or_deleted_group_is_400_and_changes_nothing()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(2);
        await store.CreateCustomerAsync("c@example.com", new { customer_group_id = 1 });
        (await store.V2.DeleteAsync("customer_groups/2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var before = await store.CustomerTextAsync();

        foreach (var group in new[] { 2, 9 })
        {
            var response = await store.V2.PutJsonAsync("customers/1", new { company = "Changed", customer_group_id = group });
            (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest))[0].GetProperty("message").GetString().ShouldBe(InvalidGroup);
        }

        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Deleting_a_group_moves_its_customers_to_0_and_leaves_everyone_else_alone()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateGroupsAsync(2);
        await other.CreateGroupsAsync(2);
        await store.CreateCustomerAsync("one@example.com", new { customer_group_id = 1 });
        await store.CreateCustomerAsync("two@example.com", new { customer_group_id = 2 });
        await store.CreateCustomerAsync("three@example.com", new { customer_group_id = 1 });
        await other.CreateCustomerAsync("theirs@example.com", new { customer_group_id = 1 });
        var untouched = await store.CustomerTextAsync(2);
        var theirs = await other.CustomerTextAsync(1);
        var before = await store.CustomerTextAsync(1);
        await Task.Delay(1100);

        (await store.V2.DeleteAsync("customer_groups/1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.V2.IdsAsync("customer_group_id=0")).ShouldBe([1, 3]);
        (await store.V2.IdsAsync("customer_group_id=1")).ShouldBeEmpty();
        var moved = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        moved.GetProperty("customer_group_id").GetInt32().ShouldBe(0);
        moved.GetProperty("date_modified").GetString().ShouldNotBe(
            System.Text.Json.JsonDocument.Parse(before).RootElement.GetProperty("date_modified").GetString());
        (await store.CustomerTextAsync(2)).ShouldBe(untouched);
        (await other.CustomerTextAsync(1)).ShouldBe(theirs);
        (await other.GroupCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Deleting_an_unknown_group_is_404_and_moves_nobody()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateGroupsAsync(1);
        await other.CreateCustomerAsync("theirs@example.com", new { customer_group_id = 1 });

        await (await store.V2.DeleteAsync("customer_groups/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);

        (await other.CustomerTextAsync()).ShouldContain("\"customer_group_id\":1");
        (await other.GroupCountAsync()).ShouldBe(1);
    }
}

public sealed class GroupMembershipTests_Sqlite(SqliteApi api) : GroupMembershipTests(api), IClassFixture<SqliteApi>;

public sealed class GroupMembershipTests_Postgres(PostgresApi api) : GroupMembershipTests(api), IClassFixture<PostgresApi>;
