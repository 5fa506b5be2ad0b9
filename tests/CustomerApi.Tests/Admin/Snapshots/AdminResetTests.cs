using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Snapshots;

/// <summary><c>POST /admin/stores/{hash}/reset</c>: the store's data goes, its tokens and settings stay, ids start again at 1.</summary>
public abstract class AdminResetTests(ApiFixture api)
{
    [Fact]
    public async Task A_reset_removes_the_stores_data_and_keeps_its_tokens_settings_and_form_fields()
    {
        var admin = await api.AdminAsync();
        var store = await api.NewConfiguredStoreAsync();
        await store.FillAsync(withFormFields: true, onChannel2: true);

        (await admin.ResetAsync(store.Hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0, "the token still works, and the count is 0");
        (await store.V2.GetAsync("customers")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V2.GetAsync("customer_groups")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreach (var list in new[] { "customers", "customers/attributes", "customers/attribute-values", "customers/addresses", "customers/metafields",
                     "customers/form-field-values" })
        {
            (await (await store.V3.GetAsync(list)).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty(list);
        }

        var settings = (await (await store.V3.GetAsync("customers/settings")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("data");
        settings.GetProperty("privacy_settings").GetProperty("policy_url").GetString().ShouldBe("https://example.com/privacy");
        settings.GetProperty("customer_group_settings").GetProperty("default_customer_group_id").GetInt32().ShouldBe(0, "the groups are gone");
        var channel = (await (await store.V3.GetAsync("customers/settings/channels/2")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("data");
        channel.GetProperty("privacy_settings").GetProperty("policy_url").GetString().ShouldBe("https://example.com/channel-2");
        channel.GetProperty("customer_group_settings").GetProperty("guest_customer_group_id").ValueKind.ShouldBe(JsonValueKind.Null,
            "an override naming a group goes with the group");
        channel.GetProperty("allow_global_logins").GetBoolean().ShouldBeFalse();
        var formFields = await (await store.V3.PutJsonAsync("customers/form-field-values", new object[]
        {
            new { customer_id = (await store.CreateCustomerAsync("fields@example.com")).GetProperty("id").GetInt32(), name = "Sales Rep", value = "Ann" },
        })).ShouldBeAsync(HttpStatusCode.OK);
        formFields.Data().ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("Sales Rep");
    }

    [Fact]
    public async Task After_a_reset_every_kind_of_id_starts_again_at_1()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var store = new TestStore(await api.FactoryAsync(), hash, token);
        await store.FillAsync();

        (await admin.ResetAsync(hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var counters = JsonDocument.Parse(await admin.SnapshotAsync(hash)).RootElement.GetProperty("counters");
        counters.EnumerateObject().ShouldAllBe(counter => counter.Value.GetInt32() == 0);
        var customer = await store.CreateCustomerAsync("first-again@example.com");
        customer.GetProperty("id").GetInt32().ShouldBe(1);
        var v3Customer = await (await store.V3.PostJsonAsync("customers", new[] { new { first_name = "V", last_name = "Three", email = "v3@example.com" } }))
            .ShouldBeAsync(HttpStatusCode.OK);
        v3Customer.Data().Single().GetProperty("id").GetInt32().ShouldBe(2);
        var address = await (await store.V2.PostJsonAsync("customers/1/addresses", new
        {
            first_name = "A", last_name = "B", street_1 = "1 Main St", city = "Austin", state = "Texas", zip = "78701", country = "United States", phone = "555",
        })).ShouldBeAsync(HttpStatusCode.Created);
        address.GetProperty("id").GetInt32().ShouldBe(1);
        var group = await (await store.V2.PostJsonAsync("customer_groups", new { name = "Wholesale" })).ShouldBeAsync(HttpStatusCode.Created);
        group.GetProperty("id").GetInt32().ShouldBe(1);
        (await store.CreateAttributesAsync(("Shoe size", "number"))).ShouldBe([1]);
        (await store.UpsertValuesAsync((1, 1, "40"))).Single().GetProperty("id").GetInt32().ShouldBe(1);
        var metafield = await (await store.V3.PostJsonAsync("customers/1/metafields", new { permission_set = "app_only", @namespace = "n", key = "k", value = "v" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        metafield.Data().Single().GetProperty("id").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_reset_of_one_store_leaves_another_store_as_it_was()
    {
        var admin = await api.AdminAsync();
        var store = await api.NewConfiguredStoreAsync();
        await store.FillAsync(withFormFields: true, onChannel2: true);
        var other = await api.NewConfiguredStoreAsync();
        await other.FillAsync(withFormFields: true, onChannel2: true);
        var otherSnapshot = await admin.SnapshotAsync(other.Hash);
        var otherAnswers = await other.PublicAnswersAsync(onChannel2: true);

        (await admin.ResetAsync(store.Hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.SnapshotAsync(other.Hash)).ShouldBe(otherSnapshot);
        (await other.PublicAnswersAsync(onChannel2: true)).ShouldAnswerAlike(otherAnswers);
        (await other.CreateCustomerAsync("other-next@example.com")).GetProperty("id").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Resetting_an_empty_store_twice_is_fine()
    {
        var admin = await api.AdminAsync();
        var (hash, _) = await admin.CreateStoreAsync();

        (await admin.ResetAsync(hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.ResetAsync(hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        JsonDocument.Parse(await admin.SnapshotAsync(hash)).RootElement.GetProperty("customers").GetArrayLength().ShouldBe(0);
    }
}

public sealed class AdminResetTests_Sqlite(SqliteApi api) : AdminResetTests(api), IClassFixture<SqliteApi>;

public sealed class AdminResetTests_Postgres(PostgresApi api) : AdminResetTests(api), IClassFixture<PostgresApi>;
