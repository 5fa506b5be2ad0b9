using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.CustomerGroups;

/// <summary>
/// "There can only be one customer group for guests at a time" [spec]. A second one is refused with a 400 naming the
/// group that holds the flag; the flag is never moved silently.
/// </summary>
public abstract class GuestsGroupTests(ApiFixture api)
{
    [Fact]
    public async Task Creating_a_second_guests_group_is_400_and_creates_nothing()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Guests", new { is_group_for_guests = true });

        var response = await store.V2.PostJsonAsync("customer_groups", new { name = "Visitors", is_group_for_guests = true });

        var error = (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest))[0];
        error.GetProperty("message").GetString().ShouldBe("The field 'is_group_for_guests' is invalid.");
        error.GetProperty("details").GetProperty("invalid_reason").GetString()!.ShouldContain("Customer group 1 is already the group for guests");
        (await store.GroupCountAsync()).ShouldBe(1);
        (await store.GroupIdsAsync("is_group_for_guests=true")).ShouldBe([1]);
    }

    [Fact]
    public async Task Making_another_group_the_guests_group_is_400_and_changes_nothing()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Guests", new { is_group_for_guests = true });
        await store.CreateGroupAsync("Members");
        var before = await store.GroupTextAsync(2);

        var response = await store.V2.PutJsonAsync("customer_groups/2", new { name = "Renamed", is_group_for_guests = true });

        await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        (await store.GroupTextAsync(2)).ShouldBe(before);
    }

    [Fact]
    public async Task The_guests_group_may_be_updated_and_the_flag_handed_over_once_released()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Guests", new { is_group_for_guests = true });
        await store.CreateGroupAsync("Members");

        (await store.V2.PutJsonAsync("customer_groups/1", new { name = "Guests!", is_group_for_guests = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await store.V2.PutJsonAsync("customer_groups/1", new { is_group_for_guests = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var taken = await (await store.V2.PutJsonAsync("customer_groups/2", new { is_group_for_guests = true })).ShouldBeAsync(HttpStatusCode.OK);

        taken.GetProperty("is_group_for_guests").GetBoolean().ShouldBeTrue();
        (await store.GroupIdsAsync("is_group_for_guests=true")).ShouldBe([2]);
        (await store.GroupIdsAsync("is_group_for_guests=false")).ShouldBe([1]);
    }

    [Fact]
    public async Task Deleting_the_guests_group_frees_the_flag_and_another_store_has_its_own()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateGroupAsync("Guests", new { is_group_for_guests = true });
        await other.CreateGroupAsync("Guests", new { is_group_for_guests = true });

        (await store.V2.DeleteAsync("customer_groups/1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.CreateGroupAsync("New guests", new { is_group_for_guests = true })).GetProperty("is_group_for_guests").GetBoolean().ShouldBeTrue();
    }
}

public sealed class GuestsGroupTests_Sqlite(SqliteApi api) : GuestsGroupTests(api), IClassFixture<SqliteApi>;

public sealed class GuestsGroupTests_Postgres(PostgresApi api) : GuestsGroupTests(api), IClassFixture<PostgresApi>;
