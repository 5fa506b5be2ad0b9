using System.Net;
using CustomerApi.Bootstrap;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;
using CustomerApi.Tests.V3.Customers;
using static CustomerApi.Tests.V3.Settings.SettingsCalls;

namespace CustomerApi.Tests.V3.Settings;

/// <summary>
/// <c>GET/PUT /v3/customers/settings/channels/{channel_id}</c>: a channel's overrides (null: none) and whether it allows
/// global logins, which validate-credentials and new customers' channels obey.
/// </summary>
public abstract class ChannelSettingsTests(ApiFixture api)
{
    private const string Credentials = "customers/validate-credentials";
    private static readonly int[] ChannelsOneAndTwo = [1, 2];

    [Fact]
    public async Task Channel_1_and_a_configured_channel_have_no_overrides_and_allow_global_logins_until_told_otherwise()
    {
        var store = await api.NewStoreWithChannelsAsync(new ChannelSeed { Id = 2 }, new ChannelSeed { Id = 7, AllowGlobalLogins = false });

        (await store.SettingsAsync(Channel(1))).ShouldBe(NoOverrides);
        (await store.SettingsAsync(Channel(2))).ShouldBe(NoOverrides);
        (await store.SettingsAsync(Channel(7))).ShouldBe(NoOverrides.Replace("\"allow_global_logins\":true", "\"allow_global_logins\":false", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_channel_the_store_does_not_know_is_404_to_get_and_to_put(int channel)
    {
        var store = await api.NewStoreAsync();

        await (await store.V3.GetAsync(Channel(channel))).ShouldBeV3ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V3.PutRawAsync(Channel(channel), """{"allow_global_logins":false}""")).ShouldBeV3ErrorAsync(HttpStatusCode.NotFound);
        (await store.V3.GetAsync("customers/settings/channels/abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_put_overrides_what_it_sends_a_null_removes_an_override_and_the_global_settings_stay_as_they_were()
    {
        var store = await api.NewStoreWithChannelsAsync(new ChannelSeed { Id = 2 });
        var group = (await store.CreateGroupAsync("Channel two")).GetProperty("id").GetInt32();

        var first = await store.PutSettingsAsync(Channel(2),
            $"{{\"privacy_settings\":{{\"ask_shopper_for_tracking_consent\":true,\"policy_url\":\"https://two.example/privacy\"}},\"customer_group_settings\":{{\"default_customer_group_id\":{group},\"guest_customer_group_id\":0}},\"allow_global_logins\":false}}");
        var second = await store.PutSettingsAsync(Channel(2),
            """{"privacy_settings":{"policy_url":null},"customer_group_settings":{"guest_customer_group_id":null},"allow_global_logins":null}""");

        first.ShouldBe(
            $"{{\"privacy_settings\":{{\"ask_shopper_for_tracking_consent\":true,\"policy_url\":\"https://two.example/privacy\",\"ask_shopper_for_tracking_consent_on_checkout\":null}},\"customer_group_settings\":{{\"guest_customer_group_id\":0,\"default_customer_group_id\":{group}}},\"allow_global_logins\":false}}");
        second.ShouldBe(
            $"{{\"privacy_settings\":{{\"ask_shopper_for_tracking_consent\":true,\"policy_url\":null,\"ask_shopper_for_tracking_consent_on_checkout\":null}},\"customer_group_settings\":{{\"guest_customer_group_id\":null,\"default_customer_group_id\":{group}}},\"allow_global_logins\":true}}");
        (await store.SettingsAsync(Channel(2))).ShouldBe(second);
        (await store.SettingsAsync(Channel(1))).ShouldBe(NoOverrides);
        (await store.SettingsAsync(Global)).ShouldBe(DefaultGlobal);
    }

    [Fact]
    public async Task An_unknown_group_is_422_writing_nothing_and_a_deleted_groups_override_goes_with_it()
    {
        var store = await api.NewStoreAsync();
        var group = (await store.CreateGroupAsync("Doomed")).GetProperty("id").GetInt32();

        var refused = await store.V3.PutRawAsync(Channel(1),
            """{"allow_global_logins":false,"customer_group_settings":{"guest_customer_group_id":999}}""");
        var error = await refused.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.Errors().Keys.ShouldBe(["customer_group_settings.guest_customer_group_id"]);
        (await store.SettingsAsync(Channel(1))).ShouldBe(NoOverrides);

        await store.PutSettingsAsync(Channel(1), $"{{\"customer_group_settings\":{{\"guest_customer_group_id\":{group},\"default_customer_group_id\":{group}}}}}");
        (await store.V2.DeleteAsync($"customer_groups/{group}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.SettingsAsync(Channel(1))).ShouldBe(NoOverrides);
    }

    [Theory]
    [InlineData("""{"privacy_settings":{"ask_shopper_for_tracking_consent":"yes"}}""")]
    [InlineData("""{"customer_group_settings":{"default_customer_group_id":-3}}""")]
    [InlineData("""{"allow_global_logins":"no"}""")]
    public async Task A_bad_value_is_422_and_writes_nothing(string json)
    {
        var store = await api.NewStoreAsync();

        await (await store.V3.PutRawAsync(Channel(1), json)).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        await (await store.V3.PutRawAsync(Channel(1), "{\"allow_global_logins\":")).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);

        (await store.SettingsAsync(Channel(1))).ShouldBe(NoOverrides);
    }

    [Fact]
    public async Task A_global_customer_cannot_log_in_on_a_channel_that_refuses_global_logins_and_can_again_once_it_allows_them()
    {
        var store = await api.NewStoreAsync();
        var global = await CustomerWithPasswordAsync(store, "global@example.com", channels: null);
        var ofChannel1 = await CustomerWithPasswordAsync(store, "one@example.com", channels: [1]);

        await store.PutSettingsAsync(Channel(1), """{"allow_global_logins":false}""");

        (await ValidateAsync(store, "global@example.com")).ShouldBe("""{"is_valid":false}""");
        (await ValidateAsync(store, "one@example.com")).ShouldBe($"{{\"is_valid\":true,\"customer_id\":{ofChannel1}}}");

        await store.PutSettingsAsync(Channel(1), """{"allow_global_logins":true}""");
        (await ValidateAsync(store, "global@example.com")).ShouldBe($"{{\"is_valid\":true,\"customer_id\":{global}}}");
    }

    [Fact]
    public async Task A_customer_created_without_channels_on_a_channel_refusing_global_logins_belongs_to_that_channel_alone()
    {
        var store = await api.NewStoreWithChannelsAsync(new ChannelSeed { Id = 2, AllowGlobalLogins = false });

        var created = await store.CreateV3Async(
            CustomerWriteCalls.Customer("two@example.com", new { origin_channel_id = 2 }),
            CustomerWriteCalls.Customer("one@example.com", new { origin_channel_id = 1 }),
            CustomerWriteCalls.Customer("both@example.com", new { origin_channel_id = 2, channel_ids = ChannelsOneAndTwo }));

        created[0].GetProperty("channel_ids").GetRawText().ShouldBe("[2]");
        created[1].GetProperty("channel_ids").GetRawText().ShouldBe("null");
        created[2].GetProperty("channel_ids").GetRawText().ShouldBe("[1,2]");

        await store.PutSettingsAsync(Channel(1), """{"allow_global_logins":false}""");
        var viaV2 = (await store.CreateCustomerAsync("v2@example.com")).GetProperty("id").GetInt32();
        var listed = await (await store.V3.GetAsync($"customers?id:in={viaV2}")).ShouldBeAsync(HttpStatusCode.OK);
        listed.Data()[0].GetProperty("channel_ids").GetRawText().ShouldBe("[1]");
    }

    [Fact]
    public async Task A_read_only_token_may_read_a_channel_but_not_write_it_and_another_store_does_not_see_it()
    {
        var store = await api.NewStoreWithChannelsAsync(new ChannelSeed { Id = 2 });
        var other = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));

        (await readOnly.GetAsync(Channel(2))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await readOnly.PutRawAsync(Channel(2), """{"allow_global_logins":false}""")).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        await store.PutSettingsAsync(Channel(1), """{"allow_global_logins":false}""");

        await (await other.V3.GetAsync(Channel(2))).ShouldBeV3ErrorAsync(HttpStatusCode.NotFound);
        (await other.SettingsAsync(Channel(1))).ShouldBe(NoOverrides);
    }

    private static async Task<int> CustomerWithPasswordAsync(TestStore store, string email, int[]? channels) =>
        (await store.CreateV3Async(CustomerWriteCalls.Customer(email,
            new { channel_ids = channels, authentication = new { new_password = Passwords.Good } })))[0].GetProperty("id").GetInt32();

    private static async Task<string> ValidateAsync(TestStore store, string email) =>
        (await (await store.V3.PostJsonAsync(Credentials, new { email, password = Passwords.Good })).ShouldBeAsync(HttpStatusCode.OK)).GetRawText();
}

public sealed class ChannelSettingsTests_Sqlite(SqliteApi api) : ChannelSettingsTests(api), IClassFixture<SqliteApi>;

public sealed class ChannelSettingsTests_Postgres(PostgresApi api) : ChannelSettingsTests(api), IClassFixture<PostgresApi>;
