using System.Net;
using System.Text.Json.Nodes;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Snapshots;

/// <summary>A snapshot that breaks a rule is refused whole, with the rows and fields at fault named, and the store is left as it was.</summary>
public abstract class AdminSnapshotValidationTests(ApiFixture api)
{
    /// <summary>What breaks each case, applied to the snapshot of a store filled by <see cref="SnapshotCalls.FillAsync"/>.</summary>
    private static readonly Dictionary<string, Action<JsonObject>> Breaks = new()
    {
        ["an unknown format version"] = s => s["format_version"] = 2,
        ["two customers with one id"] = s => s["customers"]![1]!["id"] = 1,
        ["an address of no customer"] = s => s["addresses"]![0]!["customer_id"] = 99,
        ["a value of no attribute"] = s => s["attribute_values"]![0]!["attribute_id"] = 99,
        ["a customer in no group"] = s => s["customers"]![0]!["customer_group_id"] = 99,
        ["an email two global customers share"] = s => s["customers"]![1]!["email"] = " ADA@example.com",
        ["an unknown country"] = s => s["addresses"]![0]!["country"] = "Atlantis",
        ["a name longer than its column"] = s => s["customers"]![0]!["first_name"] = new string('x', 101),
        ["a value that is not of its attribute's type"] = s => s["attribute_values"]![0]!["value"] = "big",
        ["a second group for guests"] = s => s["customer_groups"]![0]!["is_group_for_guests"] = true,
        ["a metafield key taken on its customer"] = s => s["metafields"]![1]!["customer_id"] = 1,
        ["an id of the wrong type"] = s => s["customers"]![0]!["id"] = "one",
        ["a value of a form field the store does not define"] = s => s["form_field_values"] = new JsonArray(
            new JsonObject { ["id"] = 1, ["field_name"] = "Nope", ["customer_id"] = 1, ["value"] = "x" }),
        ["a null row"] = s => s["addresses"]![1] = null,
    };

    [Theory]
    [InlineData("an unknown format version", "format_version")]
    [InlineData("two customers with one id", "customers.1.id")]
    [InlineData("an address of no customer", "addresses.0.customer_id")]
    [InlineData("a value of no attribute", "attribute_values.0.attribute_id")]
    [InlineData("a customer in no group", "customers.0.customer_group_id")]
    [InlineData("an email two global customers share", "customers.1.email")]
    [InlineData("an unknown country", "addresses.0.country")]
    [InlineData("a name longer than its column", "customers.0.first_name")]
    [InlineData("a value that is not of its attribute's type", "attribute_values.0.value")]
    [InlineData("a second group for guests", "customer_groups.1.is_group_for_guests")]
    [InlineData("a metafield key taken on its customer", "metafields.1.key")]
    [InlineData("an id of the wrong type", "customers.0.id")]
    [InlineData("a value of a form field the store does not define", "form_field_values.0.field_name")]
    [InlineData("a null row", "addresses.1")]
    public async Task A_snapshot_breaking_a_rule_is_422_naming_the_field_and_changes_nothing(string broken, string field)
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        await new TestStore(await api.FactoryAsync(), hash, token).FillAsync();
        var before = await admin.SnapshotAsync(hash);

        var refused = await (await admin.RestoreAsync(hash, SnapshotCalls.Changed(before, Breaks[broken]))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("status").GetInt32().ShouldBe(422);
        refused.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        var errors = refused.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString());
        errors.Keys.ShouldContain(field, $"errors: {refused}");
        errors[field].ShouldNotBeNullOrWhiteSpace();
        (await admin.SnapshotAsync(hash)).ShouldBe(before);
    }

    [Fact]
    public async Task One_email_may_be_two_customers_on_channels_they_do_not_share()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        await new TestStore(await api.FactoryAsync(), hash, token).FillAsync();
        var snapshot = SnapshotCalls.Changed(await admin.SnapshotAsync(hash), s =>
        {
            s["customers"]![0]!["channel_ids"] = new JsonArray(1);
            s["customers"]![1]!["channel_ids"] = new JsonArray(2);
            s["customers"]![1]!["email"] = "ada@example.com";
        });

        (await admin.RestoreAsync(hash, snapshot)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.SnapshotAsync(hash)).ShouldBeJson(snapshot);
    }

    [Fact]
    public async Task A_snapshot_written_by_hand_needs_only_what_a_new_row_needs()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        const string snapshot = """
            {"format_version": 1,
             "customers": [{"id": 7, "first_name": "Hand", "last_name": "Made", "email": "hand@example.com"}],
             "addresses": [{"id": 3, "customer_id": 7, "first_name": "Hand", "last_name": "Made", "street_1": "1 Main St", "city": "Paris", "country": "France"}]}
            """;

        (await admin.RestoreAsync(hash, snapshot)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var store = new TestStore(await api.FactoryAsync(), hash, token);
        var address = await (await store.V2.GetAsync("customers/7/addresses/3")).ShouldBeAsync(HttpStatusCode.OK);
        address.GetProperty("country_iso2").GetString().ShouldBe("FR");
        (await store.CreateCustomerAsync("next@example.com")).GetProperty("id").GetInt32().ShouldBe(8);
    }
}

public sealed class AdminSnapshotValidationTests_Sqlite(SqliteApi api) : AdminSnapshotValidationTests(api), IClassFixture<SqliteApi>;

public sealed class AdminSnapshotValidationTests_Postgres(PostgresApi api) : AdminSnapshotValidationTests(api), IClassFixture<PostgresApi>;
