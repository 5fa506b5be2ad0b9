using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;
using static CustomerApi.Tests.V3.Settings.SettingsCalls;

namespace CustomerApi.Tests.V3.Settings;

/// <summary>
/// <c>GET/PUT /v3/customers/settings</c>: privacy settings kept per store, and guest and default groups that are the V2
/// groups' own flags, so both APIs agree after a write through either.
/// </summary>
public abstract class GlobalSettingsTests(ApiFixture api)
{
    private static string Groups(int guests, int defaults) =>
        $"{{\"guest_customer_group_id\":{guests},\"default_customer_group_id\":{defaults}}}";

    /// <summary>How the settings' data ends: its customer group settings and the data's closing brace.</summary>
    private static string GroupsPart(int guests, int defaults) => Groups(guests, defaults) + "}";

    [Fact]
    public async Task A_new_store_asks_for_no_consent_has_no_policy_and_no_guest_or_default_group()
    {
        var store = await api.NewStoreAsync();

        (await store.SettingsAsync(Global)).ShouldBe(DefaultGlobal);
    }

    [Fact]
    public async Task A_put_changes_only_what_it_sends_and_answers_the_whole_settings()
    {
        var store = await api.NewStoreAsync();

        var first = await store.PutSettingsAsync(Global, """{"privacy_settings":{"policy_url":"https://shop.example/privacy"}}""");
        var second = await store.PutSettingsAsync(Global, """{"privacy_settings":{"ask_shopper_for_tracking_consent":true},"customer_group_settings":{}}""");
        var third = await store.PutSettingsAsync(Global, """{"privacy_settings":{"ask_shopper_for_tracking_consent_on_checkout":true}}""");

        first.ShouldContain("\"policy_url\":\"https://shop.example/privacy\"");
        second.ShouldContain("\"ask_shopper_for_tracking_consent\":true,\"policy_url\":\"https://shop.example/privacy\"");
        third.ShouldBe(
            """{"privacy_settings":{"ask_shopper_for_tracking_consent":true,"policy_url":"https://shop.example/privacy","ask_shopper_for_tracking_consent_on_checkout":true},"customer_group_settings":{"guest_customer_group_id":0,"default_customer_group_id":0}}""");
        (await store.SettingsAsync(Global)).ShouldBe(third);
        (await store.PutSettingsAsync(Global, "{}")).ShouldBe(third);
    }

    [Fact]
    public async Task Naming_the_guest_and_default_groups_moves_the_V2_groups_flags_and_V2_writes_show_in_the_settings()
    {
        var store = await api.NewStoreAsync();
        var retail = (await store.CreateGroupAsync("Retail", new { is_default = true })).GetProperty("id").GetInt32();
        var guests = (await store.CreateGroupAsync("Guests")).GetProperty("id").GetInt32();
        (await store.SettingsAsync(Global)).ShouldEndWith(GroupsPart(0, retail));

        var answer = await store.PutSettingsAsync(Global, "{\"customer_group_settings\":" + Groups(guests, guests) + "}");

        answer.ShouldEndWith(GroupsPart(guests, guests));
        var retailV2 = await (await store.V2.GetAsync($"customer_groups/{retail}")).ShouldBeAsync(HttpStatusCode.OK);
        var guestsV2 = await (await store.V2.GetAsync($"customer_groups/{guests}")).ShouldBeAsync(HttpStatusCode.OK);
        retailV2.GetProperty("is_default").GetBoolean().ShouldBeFalse();
        guestsV2.GetProperty("is_default").GetBoolean().ShouldBeTrue();
        guestsV2.GetProperty("is_group_for_guests").GetBoolean().ShouldBeTrue();

        (await store.V2.PutJsonAsync($"customer_groups/{retail}", new { is_default = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await store.SettingsAsync(Global)).ShouldEndWith(GroupsPart(guests, retail));

        await store.PutSettingsAsync(Global, """{"customer_group_settings":{"guest_customer_group_id":0}}""");
        (await (await store.V2.GetAsync($"customer_groups/{guests}")).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("is_group_for_guests").GetBoolean().ShouldBeFalse();
        (await store.V2.GetAsync("customer_groups?is_group_for_guests=true")).StatusCode.ShouldBe(HttpStatusCode.NoContent); // V2's empty list

        (await store.V2.DeleteAsync($"customer_groups/{retail}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.SettingsAsync(Global)).ShouldEndWith("""{"guest_customer_group_id":0,"default_customer_group_id":0}}""");
    }

    [Theory]
    [InlineData("guest_customer_group_id")]
    [InlineData("default_customer_group_id")]
    public async Task A_group_the_store_does_not_have_is_422_and_nothing_of_the_body_is_written(string field)
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        var othersGroup = (await other.CreateGroupAsync("Theirs")).GetProperty("id").GetInt32();

        var response = await store.V3.PutRawAsync(Global,
            $"{{\"privacy_settings\":{{\"policy_url\":\"https://x.example\"}},\"customer_group_settings\":{{\"{field}\":{othersGroup}}}}}");

        var error = await response.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.Errors().Keys.ShouldBe([$"customer_group_settings.{field}"]);
        (await store.SettingsAsync(Global)).ShouldBe(DefaultGlobal);
    }

    [Theory]
    [InlineData("""{"privacy_settings":{"ask_shopper_for_tracking_consent":null}}""", "privacy_settings.ask_shopper_for_tracking_consent")]
    [InlineData("""{"privacy_settings":{"policy_url":null}}""", "privacy_settings.policy_url")]
    [InlineData("""{"customer_group_settings":{"default_customer_group_id":null}}""", "customer_group_settings.default_customer_group_id")]
    [InlineData("""{"customer_group_settings":{"guest_customer_group_id":-1}}""", "customer_group_settings.guest_customer_group_id")]
    public async Task A_null_or_a_negative_group_is_422_naming_the_field(string json, string field)
    {
        var store = await api.NewStoreAsync();

        (await (await store.V3.PutRawAsync(Global, json)).ShouldBeInvalidBodyAsync(field)).ShouldNotBeEmpty();
        (await store.SettingsAsync(Global)).ShouldBe(DefaultGlobal);
    }

    [Fact]
    public async Task A_policy_url_longer_than_2048_characters_or_a_wrong_type_is_422_and_malformed_JSON_400()
    {
        var store = await api.NewStoreAsync();

        await (await store.V3.PutRawAsync(Global, $$$"""{"privacy_settings":{"policy_url":"https://x.example/{{{new string('a', 2031)}}}"}}"""))
            .ShouldBeInvalidBodyAsync("privacy_settings.policy_url");
        (await store.V3.PutRawAsync(Global, """{"privacy_settings":{"ask_shopper_for_tracking_consent":"yes"}}"""))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        await (await store.V3.PutRawAsync(Global, """{"privacy_settings":""")).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);
        (await store.SettingsAsync(Global)).ShouldBe(DefaultGlobal);
    }

    [Fact]
    public async Task A_read_only_token_may_read_but_not_write_and_stores_do_not_share_settings()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));

        (await readOnly.GetAsync(Global)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await readOnly.PutRawAsync(Global, """{"privacy_settings":{"policy_url":"https://x.example"}}""")).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        await store.PutSettingsAsync(Global, """{"privacy_settings":{"ask_shopper_for_tracking_consent":true}}""");

        (await other.SettingsAsync(Global)).ShouldBe(DefaultGlobal);
        (await store.V3With(other.Token).GetAsync(Global)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class GlobalSettingsTests_Sqlite(SqliteApi api) : GlobalSettingsTests(api), IClassFixture<SqliteApi>;

public sealed class GlobalSettingsTests_Postgres(PostgresApi api) : GlobalSettingsTests(api), IClassFixture<PostgresApi>;
