using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;
using static CustomerApi.Tests.V3.Settings.SettingsCalls;

namespace CustomerApi.Tests.V3.Settings;

/// <summary>A settings write naming a group, raced with the group's delete: it names the group before or not at all, never a deleted one.</summary>
public abstract class SettingsRaceTests(ApiFixture api)
{
    [Fact]
    public async Task Naming_a_group_while_it_is_deleted_is_200_or_422_and_leaves_no_setting_on_the_deleted_group()
    {
        var store = await api.NewStoreAsync();
        for (var round = 0; round < 10; round++)
        {
            var group = (await store.CreateGroupAsync($"Short-lived {round}")).GetProperty("id").GetInt32();
            var names = $"{{\"customer_group_settings\":{{\"guest_customer_group_id\":{group},\"default_customer_group_id\":{group}}}}}";

            var answers = await Task.WhenAll(
                store.V3.PutRawAsync(Global, names),
                store.V3.PutRawAsync(Channel(1), names),
                store.V2.DeleteAsync($"customer_groups/{group}"));

            answers[0].StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity);
            answers[1].StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity);
            answers[2].StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await store.SettingsAsync(Global)).ShouldBe(DefaultGlobal, $"round {round}");
            (await store.SettingsAsync(Channel(1))).ShouldBe(NoOverrides, $"round {round}");
        }
    }
}

public sealed class SettingsRaceTests_Sqlite(SqliteApi api) : SettingsRaceTests(api), IClassFixture<SqliteApi>;

public sealed class SettingsRaceTests_Postgres(PostgresApi api) : SettingsRaceTests(api), IClassFixture<PostgresApi>;
