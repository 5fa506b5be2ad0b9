using System.Net;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Admin.Snapshots;

/// <summary><c>GET/PUT /admin/stores/{hash}/snapshot</c>: a store's whole data out, and back in at once.</summary>
public abstract class AdminSnapshotTests(ApiFixture api)
{
    [Fact]
    public async Task A_snapshot_put_back_after_a_reset_and_changes_restores_the_store_exactly()
    {
        var admin = await api.AdminAsync();
        var store = await api.NewConfiguredStoreAsync();
        await store.FillAsync(withFormFields: true, onChannel2: true);
        var snapshot = await admin.SnapshotAsync(store.Hash);
        var answers = await store.PublicAnswersAsync(onChannel2: true);

        (await admin.ResetAsync(store.Hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await store.CreateCustomerAsync("after-the-reset@example.com");
        (await admin.RestoreAsync(store.Hash, snapshot)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.SnapshotAsync(store.Hash)).ShouldBe(snapshot);
        (await store.PublicAnswersAsync(onChannel2: true)).ShouldAnswerAlike(answers);
        var next = await store.CreateCustomerAsync("next@example.com");
        next.GetProperty("id").GetInt32().ShouldBe(5, "customer ids continue after the snapshot's counter, as they would have");
    }

    [Fact]
    public async Task A_snapshot_holds_every_kind_of_row_with_its_ids_and_the_counters()
    {
        var admin = await api.AdminAsync();
        var store = await api.NewConfiguredStoreAsync();
        await store.FillAsync(withFormFields: true, onChannel2: true);

        var snapshot = JsonDocument.Parse(await admin.SnapshotAsync(store.Hash)).RootElement;

        snapshot.GetProperty("format_version").GetInt32().ShouldBe(1);
        var counters = snapshot.GetProperty("counters");
        counters.GetProperty("last_customer_id").GetInt32().ShouldBe(4);
        counters.GetProperty("last_address_id").GetInt32().ShouldBe(3);
        counters.GetProperty("last_customer_group_id").GetInt32().ShouldBe(2);
        Ids(snapshot, "customers").ShouldBe([1, 3, 4]);
        Ids(snapshot, "addresses").ShouldBe([1, 2, 3]);
        Ids(snapshot, "customer_groups").ShouldBe([1, 2]);
        Ids(snapshot, "attributes").ShouldBe([1, 2, 3]);
        Ids(snapshot, "attribute_values").ShouldBe([1, 2, 3]);
        Ids(snapshot, "metafields").ShouldBe([1, 2]);
        Ids(snapshot, "form_field_values").ShouldBe([1, 2, 3]);
        var ada = snapshot.GetProperty("customers")[0];
        ada.GetProperty("email").GetString().ShouldBe("ada@example.com");
        ada.GetProperty("customer_group_id").GetInt32().ShouldBe(1);
        ada.GetProperty("store_credit").GetDecimal().ShouldBe(12.5m);
        ada.GetProperty("channel_ids").ValueKind.ShouldBe(JsonValueKind.Null);
        snapshot.GetProperty("customers")[2].GetProperty("channel_ids").GetRawText().ShouldBe("[2]");
        snapshot.GetProperty("addresses")[1].GetProperty("country_iso2").GetString().ShouldBe("US");
        snapshot.GetProperty("consents")[0].GetProperty("allow").GetRawText().ShouldBe("""["essential","analytics"]""");
        snapshot.GetProperty("customer_settings").GetProperty("policy_url").GetString().ShouldBe("https://example.com/privacy");
        var channel2 = snapshot.GetProperty("channel_settings").EnumerateArray().Single(c => c.GetProperty("channel_id").GetInt32() == 2);
        channel2.GetProperty("guest_customer_group_id").GetInt32().ShouldBe(2);
        channel2.GetProperty("allow_global_logins").GetBoolean().ShouldBeFalse();
        snapshot.GetProperty("form_field_values")[1].GetProperty("value").GetRawText().ShouldBe("""["Music","Books"]""");
    }

    [Fact]
    public async Task Password_hashes_are_never_in_a_snapshot_and_a_restored_customer_has_no_password()
    {
        var admin = await api.AdminAsync();
        var store = await api.NewConfiguredStoreAsync();
        await store.FillAsync(withFormFields: true);
        (await store.V3.PutJsonAsync("customers/form-field-values", """[{"customer_id": 1, "name": "PIN", "value": "8642"}]"""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var hashes = await StoredHashesAsync(store);
        hashes.Count.ShouldBe(2, "Ada's password and her PIN");

        var snapshot = await admin.SnapshotAsync(store.Hash);

        foreach (var hash in hashes)
        {
            snapshot.ShouldNotContain(hash);
        }

        snapshot.ShouldNotContain("password", Case.Insensitive);
        await Validates(store, "Correct1horse", expected: true);
        (await admin.RestoreAsync(store.Hash, snapshot)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Validates(store, "Correct1horse", expected: false);
        var values = await (await store.V3.GetAsync("customers/form-field-values?customer_id=1")).ShouldBeAsync(HttpStatusCode.OK);
        values.Data().ShouldNotContain(v => v.GetProperty("name").GetString() == "PIN", "the PIN had a value; the restored store has none");
    }

    [Fact]
    public async Task A_snapshot_of_one_store_put_into_a_new_store_gives_it_the_same_data_and_ids()
    {
        var admin = await api.AdminAsync();
        var (sourceHash, sourceToken) = await admin.CreateStoreAsync();
        var source = new TestStore(await api.FactoryAsync(), sourceHash, sourceToken);
        await source.FillAsync();
        var snapshot = await admin.SnapshotAsync(source.Hash);
        var (targetHash, targetToken) = await admin.CreateStoreAsync();
        var target = new TestStore(await api.FactoryAsync(), targetHash, targetToken);

        (await admin.RestoreAsync(target.Hash, snapshot)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.SnapshotAsync(target.Hash)).ShouldBe(snapshot);
        // Both stores' answers, but the metafields: one that is app_only is its creating client's alone, and that client
        // (a token of the source store) cannot call the new store.
        var expected = (await source.PublicAnswersAsync()).Where(a => !a.Key.EndsWith("/metafields", StringComparison.Ordinal)).ToDictionary(a => a.Key.Replace(source.Hash, "{hash}", StringComparison.Ordinal),
            a => a.Value.Replace(source.Hash, "{hash}", StringComparison.Ordinal));
        var restored = (await target.PublicAnswersAsync()).Where(a => !a.Key.EndsWith("/metafields", StringComparison.Ordinal)).ToDictionary(a => a.Key.Replace(target.Hash, "{hash}", StringComparison.Ordinal),
            a => a.Value.Replace(target.Hash, "{hash}", StringComparison.Ordinal));
        restored.ShouldAnswerAlike(expected);
        (await admin.SnapshotAsync(source.Hash)).ShouldBe(snapshot, "the source store is only read");
    }

    [Fact]
    public async Task A_restored_store_refuses_an_email_the_snapshot_holds_and_takes_new_ones()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var store = new TestStore(await api.FactoryAsync(), hash, token);
        await store.FillAsync();
        var snapshot = await admin.SnapshotAsync(hash);
        (await admin.ResetAsync(hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.RestoreAsync(hash, snapshot)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await store.V2.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "BOB@example.com" }))
            .ShouldBeV2ErrorAsync(HttpStatusCode.Conflict);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(2);
        var group = await (await store.V2.PostJsonAsync("customer_groups", new { name = "Retail" })).ShouldBeAsync(HttpStatusCode.Created);
        group.GetProperty("id").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_snapshot_larger_than_other_bodies_may_be_is_restored()
    {
        var admin = await api.AdminAsync();
        var (hash, _) = await admin.CreateStoreAsync();
        var customers = Enumerable.Range(1, 20).Select(i => new
        {
            id = i, first_name = "Big", last_name = "Notes", email = $"big{i}@example.com", notes = new string('n', 60_000),
        });
        var snapshot = JsonSerializer.Serialize(new { format_version = 1, customers });
        snapshot.Length.ShouldBeGreaterThan(1024 * 1024);

        (await admin.RestoreAsync(hash, snapshot)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.PostJsonAsync("admin/stores", new { hash = TestStore.NewHash(), padding = new string('p', 1024 * 1024) }))
            .StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, "every other route keeps its limit");
        JsonDocument.Parse(await admin.SnapshotAsync(hash)).RootElement.GetProperty("counters").GetProperty("last_customer_id").GetInt32().ShouldBe(20);
    }

    [Fact]
    public async Task A_snapshot_over_its_own_limit_is_413_in_the_admin_shape_and_changes_nothing()
    {
        await using var factory = await api.NewFactoryAsync(new Dictionary<string, string?> { ["Limits:MaxSnapshotBytes"] = "4096" });
        var admin = TestStore.Client(factory, token: null, "http://localhost/");
        admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        var (hash, _) = await admin.CreateStoreAsync();
        var before = await admin.SnapshotAsync(hash);
        var snapshot = JsonSerializer.Serialize(new
        {
            format_version = 1, customers = new[] { new { id = 1, first_name = "A", last_name = "B", email = "a@example.com", notes = new string('n', 5000) } },
        });

        var refused = await (await admin.RestoreAsync(hash, snapshot)).ShouldBeAsync(HttpStatusCode.RequestEntityTooLarge);

        refused.GetProperty("status").GetInt32().ShouldBe(413);
        refused.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        refused.GetProperty("errors").ValueKind.ShouldBe(JsonValueKind.Object);
        (await admin.SnapshotAsync(hash)).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_store_is_404_for_reset_snapshot_and_restore()
    {
        var admin = await api.AdminAsync();
        var hash = TestStore.NewHash();

        (await admin.ResetAsync(hash)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"admin/stores/{hash}/snapshot")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await (await admin.RestoreAsync(hash, """{"format_version":1}""")).ShouldBeAsync(HttpStatusCode.NotFound);
        refused.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Without_the_admin_key_snapshot_routes_are_401()
    {
        var admin = await api.AdminAsync(key: "wrong");
        var (hash, _) = await (await api.AdminAsync()).CreateStoreAsync();

        (await admin.GetAsync($"admin/stores/{hash}/snapshot")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.RestoreAsync(hash, """{"format_version":1}""")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.ResetAsync(hash)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static int[] Ids(JsonElement snapshot, string list) => [.. snapshot.GetProperty(list).EnumerateArray().Select(r => r.GetProperty("id").GetInt32())];

    private static async Task Validates(TestStore store, string password, bool expected)
    {
        var answer = await (await store.V2.PostJsonAsync("customers/1/validate", new { password })).ShouldBeAsync(HttpStatusCode.OK);
        answer.GetProperty("success").GetBoolean().ShouldBe(expected);
    }

    /// <summary>The password hashes the store keeps: its customers' and its password form fields' values.</summary>
    private static async Task<List<string>> StoredHashesAsync(TestStore store)
    {
        await using var scope = store.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var storeId = await db.Stores.Where(s => s.Hash == store.Hash).Select(s => s.Id).SingleAsync();
        var passwords = await db.Customers.Where(c => c.StoreId == storeId && c.PasswordHash != null).Select(c => c.PasswordHash!).ToListAsync();
        var pins = await db.FormFieldValues.Where(v => v.StoreId == storeId)
            .Join(db.FormFields.Where(f => f.StoreId == storeId && f.Type == "password"), v => v.FieldId, f => f.Id, (v, _) => v.Value).ToListAsync();
        return [.. passwords, .. pins.Select(pin => JsonSerializer.Deserialize<string>(pin)!)];
    }
}

public sealed class AdminSnapshotTests_Sqlite(SqliteApi api) : AdminSnapshotTests(api), IClassFixture<SqliteApi>;

public sealed class AdminSnapshotTests_Postgres(PostgresApi api) : AdminSnapshotTests(api), IClassFixture<PostgresApi>;
