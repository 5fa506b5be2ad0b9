using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.AttributeValues.ValueSetup;

namespace CustomerApi.Tests.V3.AttributeValues;

/// <summary>
/// What one item may hold. Every refused body is sent to a store that already has a value, with a valid update of
/// that value in the same batch, and the store must be unchanged afterwards.
/// </summary>
public abstract class ValueTypeTests(ApiFixture api)
{
    /// <summary>The valid first item of every refused batch: an update of customer 1's existing nickname.</summary>
    private const string ValidUpdate = """{"customer_id":1,"attribute_id":1,"value":"Changed"}""";

    [Theory]
    [InlineData("42")]
    [InlineData("-3.5")]
    [InlineData("1e3")]
    [InlineData("0")]
    [InlineData("3.14159")]
    [InlineData("-2.5E-3")]
    public async Task Number_attributes_take_numbers_written_as_text_and_keep_the_text(string value)
    {
        var store = await api.SeededStoreAsync();

        var data = await store.UpsertValuesAsync((1, Age, value));

        data.ShouldHaveSingleItem().ShouldBeValue(1, customerId: 1, Age, value);
        (await store.ValuesAsync()).ShouldHaveSingleItem().GetProperty("attribute_value").GetString().ShouldBe(value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(" 4")]
    [InlineData("4 ")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    [InlineData("1,5")]
    [InlineData("12abc")]
    [InlineData("0x1F")]
    public async Task Number_attributes_refuse_text_that_is_not_a_number(string value)
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, Batch(Item(2, Age, value)), "1.value");
    }

    [Theory]
    [InlineData("2024-05-14")]
    [InlineData("2024-05-14T09:34:00Z")]
    [InlineData("2024-05-14T09:34:00+02:00")]
    [InlineData("2024-05-14T09:34:00")]
    [InlineData("2024-05-14T09:34:00.123Z")]
    [InlineData("2024-02-29")]
    public async Task Date_attributes_take_iso_8601_dates_and_date_times_and_keep_the_text(string value)
    {
        var store = await api.SeededStoreAsync();

        var data = await store.UpsertValuesAsync((1, Birthday, value));

        data.ShouldHaveSingleItem().ShouldBeValue(1, customerId: 1, Birthday, value);
        (await store.ValuesAsync()).ShouldHaveSingleItem().GetProperty("attribute_value").GetString().ShouldBe(value);
    }

    [Theory]
    [InlineData("14/05/2024")]
    [InlineData("2024-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2024-05-14T25:00:00Z")]
    [InlineData("2024-05-14 09:34:00")]
    [InlineData(" 2024-05-14")]
    [InlineData("1715678040")]
    [InlineData("yesterday")]
    [InlineData("")]
    public async Task Date_attributes_refuse_anything_but_an_iso_8601_date(string value)
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, Batch(Item(2, Birthday, value)), "1.value");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  spaced  ")]
    [InlineData("42")]
    [InlineData("日本語 ✓ \"quoted\"")]
    [InlineData(null)] // 255 characters
    public async Task String_attributes_take_any_text_up_to_255_characters(string? value)
    {
        value ??= new string('x', 255);
        var store = await api.SeededStoreAsync();

        var data = await store.UpsertValuesAsync((1, Nickname, value));

        data.ShouldHaveSingleItem().ShouldBeValue(1, customerId: 1, Nickname, value);
        (await store.ValuesAsync()).ShouldHaveSingleItem().GetProperty("attribute_value").GetString().ShouldBe(value);
    }

    [Theory]
    [InlineData(Nickname, "x")]
    [InlineData(Age, "1")]
    [InlineData(Birthday, "2")]
    public async Task A_value_of_256_characters_is_refused_whatever_the_type(int attributeId, string character)
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, Batch(Item(2, attributeId, string.Concat(Enumerable.Repeat(character, 256)))), "1.value");
    }

    [Theory]
    [InlineData("5")]
    [InlineData("4.5")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("""{"text":"x"}""")]
    [InlineData("""["x"]""")]
    public async Task A_value_that_is_not_a_json_string_is_422_on_value(string json)
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, Batch($$"""{"customer_id":2,"attribute_id":1,"value":{{json}}}"""), "1.value");
    }

    [Theory]
    [InlineData("""{"customer_id":"2","attribute_id":1,"value":"x"}""", "1.customer_id")]
    [InlineData("""{"customer_id":2.5,"attribute_id":1,"value":"x"}""", "1.customer_id")]
    [InlineData("""{"customer_id":null,"attribute_id":1,"value":"x"}""", "1.customer_id")]
    [InlineData("""{"customer_id":2,"attribute_id":"1","value":"x"}""", "1.attribute_id")]
    [InlineData("""{"customer_id":2,"attribute_id":true,"value":"x"}""", "1.attribute_id")]
    [InlineData("""{"customer_id":2,"attribute_id":1,"value":"x","id":"3"}""", "1.id")]
    public async Task Ids_of_the_wrong_json_type_are_422_keyed_by_their_path(string item, string key)
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, Batch(item), key);
    }

    [Theory]
    [InlineData("""{"attribute_id":1,"value":"x"}""", "1.customer_id")]
    [InlineData("""{"customer_id":2,"value":"x"}""", "1.attribute_id")]
    [InlineData("""{"customer_id":2,"attribute_id":1}""", "1.value")]
    public async Task A_missing_required_field_is_422_on_that_field(string item, string key)
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, Batch(item), key);
    }

    [Fact]
    public async Task An_empty_item_is_422_on_each_required_field()
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, Batch("{}"), "1.customer_id", "1.attribute_id", "1.value");
    }

    [Theory]
    [InlineData("customer_id", 0)]
    [InlineData("customer_id", -1)]
    [InlineData("attribute_id", 0)]
    [InlineData("attribute_id", -3)]
    [InlineData("id", 0)]
    [InlineData("id", -1)]
    public async Task Ids_of_zero_or_below_are_422_on_that_field(string field, int id)
    {
        var store = await StoreWithAValueAsync();
        var item = new Dictionary<string, object> { ["customer_id"] = 2, ["attribute_id"] = Nickname, ["value"] = "x", [field] = id };

        await RefusedAsync(store, Batch(item), $"1.{field}");
    }

    [Theory]
    [InlineData("attribute_value")]
    [InlineData("name")]
    [InlineData("Value")]
    public async Task An_unknown_field_is_422_naming_it(string field)
    {
        var store = await StoreWithAValueAsync();
        var item = new Dictionary<string, object> { ["customer_id"] = 2, ["attribute_id"] = Nickname, ["value"] = "x", [field] = "x" };

        var errors = await RefusedAsync(store, Batch(item), $"1.{field}");

        errors[$"1.{field}"].ShouldBe($"{field} is not a valid field");
    }

    [Fact]
    public async Task A_null_item_is_422_keyed_by_its_index()
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, Batch("null"), "1");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"customer_id":2,"attribute_id":1,"value":"x"}""")]
    [InlineData("\"x\"")]
    [InlineData("42")]
    public async Task A_body_that_is_not_a_non_empty_array_is_422_on_body(string body)
    {
        var store = await StoreWithAValueAsync();

        await RefusedAsync(store, body, "body");
    }

    [Theory]
    [InlineData("[{")]
    [InlineData("not json")]
    [InlineData("""[{"customer_id":1,"attribute_id":1,"value":"x",}]""")]
    [InlineData("""[{"customer_id":1,"attribute_id":1,"value":"x"}""")]
    public async Task Malformed_json_is_400_in_v3_format_and_writes_nothing(string body)
    {
        var store = await StoreWithAValueAsync();
        var before = await store.SnapshotAsync();

        await (await store.PutValuesAsync(body)).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    private async Task<TestStore> StoreWithAValueAsync()
    {
        var store = await api.SeededStoreAsync();
        await store.UpsertValuesAsync((1, Nickname, "Jo"));
        return store;
    }

    /// <summary>A batch of <see cref="ValidUpdate"/> then <paramref name="item"/> (JSON text, or an object to serialize).</summary>
    private static string Batch(object item) =>
        $"[{ValidUpdate},{item as string ?? System.Text.Json.JsonSerializer.Serialize(item)}]";

    private static async Task<Dictionary<string, string>> RefusedAsync(TestStore store, string body, params string[] keys)
    {
        var before = await store.SnapshotAsync();
        var errors = await (await store.PutValuesAsync(body)).ShouldBeInvalidBodyAsync(keys);
        (await store.SnapshotAsync()).ShouldBe(before, $"after refusing {body}");
        return errors;
    }
}

public sealed class ValueTypeTests_Sqlite(SqliteApi api) : ValueTypeTests(api), IClassFixture<SqliteApi>;

public sealed class ValueTypeTests_Postgres(PostgresApi api) : ValueTypeTests(api), IClassFixture<PostgresApi>;
