using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.AttributeValues.ValueSetup;

namespace CustomerApi.Tests.V3.AttributeValues;

public abstract class UpsertTests(ApiFixture api)
{
    [Fact]
    public async Task Upsert_of_new_pairs_creates_them_with_ids_from_1_and_answers_them_in_request_order()
    {
        var store = await api.SeededStoreAsync();
        var before = DateTime.UtcNow.AddSeconds(-2);

        var body = await (await store.PutValuesAsync(new[]
        {
            Item(2, Age, "41"), Item(1, Nickname, "Jo"), Item(1, Birthday, "1990-07-15"),
        })).ShouldBeAsync(HttpStatusCode.OK);

        body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        body.GetProperty("meta").ValueKind.ShouldBe(JsonValueKind.Object);
        body.GetProperty("meta").EnumerateObject().ShouldBeEmpty();
        var data = body.Data();
        data.Length.ShouldBe(3);
        data[0].ShouldBeValue(1, customerId: 2, Age, "41");
        data[1].ShouldBeValue(2, customerId: 1, Nickname, "Jo");
        data[2].ShouldBeValue(3, customerId: 1, Birthday, "1990-07-15");
        foreach (var value in data)
        {
            var created = value.Instant("date_created");
            created.ShouldBeInRange(before, DateTime.UtcNow.AddSeconds(2));
            value.Instant("date_modified").ShouldBe(created);
        }

        // the list holds exactly what was answered, ordered by id
        (await store.ValuesAsync()).Select(v => v.GetRawText()).ShouldBe(data.Select(v => v.GetRawText()));
    }

    [Fact]
    public async Task Upsert_of_an_existing_pair_keeps_its_id_and_date_created_and_updates_the_value_and_date_modified()
    {
        var store = await api.SeededStoreAsync();
        var first = (await store.UpsertValuesAsync((1, Age, "30"), (2, Age, "41"))).First();
        await Task.Delay(1100); // date_modified has whole seconds: the update must fall in a later one

        var updated = (await store.UpsertValuesAsync((1, Age, "31"))).ShouldHaveSingleItem();

        updated.ShouldBeValue(1, customerId: 1, Age, "31");
        updated.Instant("date_created").ShouldBe(first.Instant("date_created"));
        updated.Instant("date_modified").ShouldBeGreaterThan(first.Instant("date_modified"));
        var listed = await store.ValuesAsync("customer_id:in=1&attribute_id:in=2");
        listed.ShouldHaveSingleItem().GetRawText().ShouldBe(updated.GetRawText());
        // the other customer's value of the same attribute is untouched
        (await store.ValuesAsync("customer_id:in=2")).ShouldHaveSingleItem().ShouldBeValue(2, customerId: 2, Age, "41");
    }

    [Fact]
    public async Task Upserting_the_same_pair_again_and_again_leaves_one_value()
    {
        var store = await api.SeededStoreAsync();

        await store.UpsertValuesAsync((1, Nickname, "Jo"));
        await store.UpsertValuesAsync((1, Nickname, "Jo"));
        await store.UpsertValuesAsync((1, Nickname, "Joe"));

        (await store.ValuesAsync()).ShouldHaveSingleItem().ShouldBeValue(1, customerId: 1, Nickname, "Joe");
    }

    [Fact]
    public async Task A_mixed_batch_updates_existing_pairs_in_place_and_creates_new_ones_answering_in_request_order()
    {
        var store = await api.SeededStoreAsync();
        await store.UpsertValuesAsync((1, Nickname, "Jo"), (2, Age, "41"));

        var data = await store.UpsertValuesAsync((2, Nickname, "Sam"), (2, Age, "42"), (1, Age, "30"), (1, Nickname, "Joanna"));

        data.Length.ShouldBe(4);
        data[0].ShouldBeValue(3, customerId: 2, Nickname, "Sam");
        data[1].ShouldBeValue(2, customerId: 2, Age, "42");
        data[2].ShouldBeValue(4, customerId: 1, Age, "30");
        data[3].ShouldBeValue(1, customerId: 1, Nickname, "Joanna");
        var listed = await store.ValuesAsync();
        listed.Select(v => v.GetProperty("id").GetInt32()).ShouldBe([1, 2, 3, 4]);
        listed.Select(v => v.GetProperty("attribute_value").GetString()).ShouldBe(["Joanna", "42", "Sam", "30"]);
    }

    [Fact]
    public async Task Upsert_accepts_the_id_of_the_pairs_existing_value()
    {
        var store = await api.SeededStoreAsync();
        await store.UpsertValuesAsync((1, Nickname, "Jo"), (2, Nickname, "Sam"));

        var response = await store.PutValuesAsync(new object[]
        {
            new { id = 2, customer_id = 2, attribute_id = Nickname, value = "Sammy" },
            Item(1, Age, "30"),
        });

        var data = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();
        data[0].ShouldBeValue(2, customerId: 2, Nickname, "Sammy");
        data[1].ShouldBeValue(3, customerId: 1, Age, "30");
        (await store.ValueIdsAsync()).ShouldBe([1, 2, 3]);
    }

    /// <summary>An <c>id</c> must be the existing value of that very pair; anything else is refused and nothing is written.</summary>
    [Theory]
    [InlineData(1, Nickname, 2, "the id of another customer's value of the attribute")]
    [InlineData(2, Nickname, 3, "the id of another attribute's value of the customer")]
    [InlineData(2, Nickname, 99, "an id no value has")]
    [InlineData(1, Birthday, 1, "an id on a pair that has no value yet")]
    public async Task Upsert_with_an_id_that_is_not_the_pairs_value_is_422_on_id_and_writes_nothing(int customerId, int attributeId, int id, string why)
    {
        var store = await api.SeededStoreAsync();
        await store.UpsertValuesAsync((1, Nickname, "Jo"), (2, Nickname, "Sam"), (2, Age, "41"));
        var before = await store.SnapshotAsync();

        var response = await store.PutValuesAsync(new object[]
        {
            Item(2, Age, "42"),
            new { id, customer_id = customerId, attribute_id = attributeId, value = "2024-05-14" },
        });

        await response.ShouldBeInvalidBodyAsync("1.id");
        (await store.SnapshotAsync()).ShouldBe(before, why);
    }

    [Fact]
    public async Task Read_only_dates_sent_back_with_a_value_are_ignored()
    {
        var store = await api.SeededStoreAsync();

        var response = await store.PutValuesAsync(new[]
        {
            new { customer_id = 1, attribute_id = Nickname, value = "Jo", date_created = "2001-01-01T00:00:00Z", date_modified = "2002-02-02T00:00:00Z" },
        });

        var value = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldHaveSingleItem();
        value.ShouldBeValue(1, customerId: 1, Nickname, "Jo");
        value.Instant("date_created").ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
        value.Instant("date_modified").ShouldBe(value.Instant("date_created"));
    }
}

public sealed class UpsertTests_Sqlite(SqliteApi api) : UpsertTests(api), IClassFixture<SqliteApi>;

public sealed class UpsertTests_Postgres(PostgresApi api) : UpsertTests(api), IClassFixture<PostgresApi>;
