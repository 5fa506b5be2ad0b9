using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Attributes;

/// <summary>
/// <c>POST customers/attributes</c>. Every refused request starts from a store holding one attribute (id 1, "Existing")
/// and checks by GET afterwards that the store's attributes are exactly as they were.
/// </summary>
public abstract class AttributeCreateTests(ApiFixture api)
{
    [Fact]
    public async Task Create_one_answers_200_with_data_and_empty_meta_and_the_attribute_in_BigCommerce_order()
    {
        var store = await api.NewStoreAsync();
        var before = DateTime.UtcNow.AddSeconds(-2);

        var response = await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = "Age", type = "number" } });

        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        body.GetProperty("meta").ValueKind.ShouldBe(JsonValueKind.Object);
        body.GetProperty("meta").EnumerateObject().ShouldBeEmpty();
        var created = body.Data().ShouldHaveSingleItem();
        created.ShouldBeAttribute(1, "Age", "number");
        var createdAt = created.Instant("date_created");
        createdAt.ShouldBeInRange(before, DateTime.UtcNow.AddSeconds(2));
        created.Instant("date_modified").ShouldBe(createdAt);

        var listed = (await store.ListAsync()).Data().ShouldHaveSingleItem();
        listed.GetRawText().ShouldBe(created.GetRawText());
    }

    [Fact]
    public async Task Create_many_in_one_call_numbers_them_in_request_order_and_later_calls_continue()
    {
        var store = await api.NewStoreAsync();

        var response = await store.V3.PostJsonAsync(AttributeCalls.Url, new[]
        {
            new { name = "Nickname", type = "string" }, new { name = "Shoe size", type = "number" }, new { name = "Birthday", type = "date" },
        });
        var data = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();
        data.Length.ShouldBe(3);
        data[0].ShouldBeAttribute(1, "Nickname", "string");
        data[1].ShouldBeAttribute(2, "Shoe size", "number");
        data[2].ShouldBeAttribute(3, "Birthday", "date");

        (await store.CreateAttributesAsync(("Loyalty tier", "string"))).ShouldBe([4]);

        var listed = (await store.ListAsync()).Data();
        listed.Select(a => a.GetProperty("id").GetInt32()).ShouldBe([1, 2, 3, 4]);
        listed.Select(a => a.GetProperty("name").GetString()).ShouldBe(["Nickname", "Shoe size", "Birthday", "Loyalty tier"]);
        listed.Select(a => a.GetProperty("type").GetString()).ShouldBe(["string", "number", "date", "string"]);
    }

    [Fact]
    public async Task Ids_start_at_1_in_every_store_and_stores_do_not_see_each_other()
    {
        var first = await api.NewStoreAsync();
        var second = await api.NewStoreAsync();

        (await first.CreateAttributesAsync(("Age", "number"), ("Color", "string"))).ShouldBe([1, 2]);
        (await second.CreateAttributesAsync(("Age", "date"))).ShouldBe([1]);

        (await first.ListAsync()).Data().Select(a => a.GetProperty("type").GetString()).ShouldBe(["number", "string"]);
        (await second.ListAsync()).Data().ShouldHaveSingleItem().ShouldBeAttribute(1, "Age", "date");
    }

    [Theory]
    [InlineData("  Shoe size  ", "Shoe size")]
    [InlineData("\tNickname\n", "Nickname")]
    [InlineData("Two  inner  spaces", "Two  inner  spaces")]
    public async Task The_name_is_stored_trimmed(string sent, string stored)
    {
        var store = await api.NewStoreAsync();

        var response = await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = sent, type = "string" } });

        (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldHaveSingleItem().ShouldBeAttribute(1, stored, "string");
        (await store.ListAsync()).Data().ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe(stored);
    }

    [Fact]
    public async Task A_name_of_255_characters_is_accepted_also_with_surrounding_spaces()
    {
        var store = await api.NewStoreAsync();
        var longest = new string('a', 254) + "b";
        var padded = "  " + new string('c', 255) + "  ";

        var response = await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = longest, type = "string" }, new { name = padded, type = "date" } });

        var data = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();
        data[0].ShouldBeAttribute(1, longest, "string");
        data[1].ShouldBeAttribute(2, new string('c', 255), "date");
        (await store.ListAsync()).Data().Select(a => a.GetProperty("name").GetString()).ShouldBe([longest, new string('c', 255)]);
    }

    public static TheoryData<string, string[]> InvalidItems => new()
    {
        { """[{"type":"string"}]""", ["0.name"] },
        { """[{"name":null,"type":"string"}]""", ["0.name"] },
        { """[{"name":"","type":"string"}]""", ["0.name"] },
        { """[{"name":"   ","type":"string"}]""", ["0.name"] },
        { $$"""[{"name":"{{new string('x', 256)}}","type":"string"}]""", ["0.name"] },
        { $$"""[{"name":" {{new string('x', 256)}} ","type":"string"}]""", ["0.name"] },
        { """[{"name":"Age"}]""", ["0.type"] },
        { """[{"name":"Age","type":null}]""", ["0.type"] },
        { """[{"name":"Age","type":"text"}]""", ["0.type"] },
        { """[{"name":"Age","type":"integer"}]""", ["0.type"] },
        { """[{"name":"Age","type":""}]""", ["0.type"] },
        { """[{}]""", ["0.name", "0.type"] },
        { """[{"name":"","type":"boolean"}]""", ["0.name", "0.type"] },
        { """[{"name":"Age","type":"string","required":true}]""", ["0.required"] },
        { """[{"name":"Age","type":"string","Name":"Age"}]""", ["0.Name"] },
        { """[null]""", ["0"] },
        { """[{"name":"Good","type":"string"},{"name":"","type":"string"}]""", ["1.name"] },
        { """[{"name":"Good","type":"string"},{"name":"Fine","type":"date"},{"name":"Bad","type":"bool"}]""", ["2.type"] },
        { """[{"name":"Good","type":"string"},null]""", ["1"] },
        { """[{"name":"","type":"string"},{"name":"Good","type":"string"},{"name":"Bad"}]""", ["0.name", "2.type"] },
    };

    [Theory]
    [MemberData(nameof(InvalidItems))]
    public async Task Invalid_items_are_422_keyed_by_index_and_field_and_create_nothing(string body, string[] keys)
    {
        var store = await StoreWithOneAttributeAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.PostJsonAsync(AttributeCalls.Url, body)).ShouldBeInvalidBodyAsync(keys);

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_field_is_refused_by_name()
    {
        var store = await StoreWithOneAttributeAsync();

        var errors = await (await store.V3.PostJsonAsync(AttributeCalls.Url, """[{"name":"Age","type":"string","options":["a"]}]"""))
            .ShouldBeInvalidBodyAsync("0.options");

        errors["0.options"].ShouldBe("options is not a valid field");
        (await store.AttributeIdsAsync()).ShouldBe([1]);
    }

    [Theory]
    [InlineData("""[{"name":5,"type":"string"}]""", "0.name")]
    [InlineData("""[{"name":["Age"],"type":"string"}]""", "0.name")]
    [InlineData("""[{"name":{"text":"Age"},"type":"string"}]""", "0.name")]
    [InlineData("""[{"name":"Age","type":1}]""", "0.type")]
    [InlineData("""[{"name":"Age","type":true}]""", "0.type")]
    [InlineData("""[{"name":"Good","type":"string"},{"name":"Age","type":["string"]}]""", "1.type")]
    [InlineData("""[{"name":"Good","type":"string"},5]""", "1")]
    [InlineData("""[{"name":"Good","type":"string"},"Age"]""", "1")]
    public async Task Values_of_the_wrong_JSON_type_are_422_keyed_by_their_path(string body, string key)
    {
        var store = await StoreWithOneAttributeAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.PostJsonAsync(AttributeCalls.Url, body)).ShouldBeInvalidBodyAsync(key);

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"name":"Age","type":"string"}""")]
    [InlineData("{}")]
    [InlineData("\"Age\"")]
    [InlineData("5")]
    public async Task A_body_that_is_not_a_non_empty_array_is_422_keyed_body(string body)
    {
        var store = await StoreWithOneAttributeAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.PostJsonAsync(AttributeCalls.Url, body)).ShouldBeInvalidBodyAsync("body");

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""[{"name":"Age","type":"string"}""")]
    [InlineData("""[{"name":"Age","type":"string"},]""")]
    [InlineData("""[{"name":"Age","type":"string"}] trailing""")]
    [InlineData("""[{name:"Age",type:"string"}]""")]
    [InlineData("""[{'name':'Age','type':'string'}]""")]
    [InlineData("""[{"name":"Age" "type":"string"}]""")]
    [InlineData("name=Age&type=string")]
    public async Task Malformed_json_is_400_and_creates_nothing(string body)
    {
        var store = await StoreWithOneAttributeAsync();
        var before = await store.SnapshotAsync();

        var error = await (await store.V3.PostJsonAsync(AttributeCalls.Url, body)).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);

        error.GetProperty("title").GetString().ShouldBe("The request body is not valid JSON.");
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Read_only_fields_are_ignored()
    {
        var store = await StoreWithOneAttributeAsync();

        var response = await store.V3.PostJsonAsync(AttributeCalls.Url, """
            [{"id":1,"name":"Age","type":"number","date_created":"2000-01-01T00:00:00Z","date_modified":"2001-01-01T00:00:00Z"},
             {"id":77,"name":"Color","type":"string","date_created":null}]
            """);

        var data = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();
        data[0].ShouldBeAttribute(2, "Age", "number");
        data[1].ShouldBeAttribute(3, "Color", "string");
        data[0].Instant("date_created").ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
        data[0].Instant("date_modified").ShouldBe(data[0].Instant("date_created"));
        (await store.AttributeIdsAsync()).ShouldBe([1, 2, 3]);
        (await store.ListAsync("name=Existing")).Data().ShouldHaveSingleItem().ShouldBeAttribute(1, "Existing", "string");
    }

    [Theory]
    [InlineData("Existing")]
    [InlineData("existing")]
    [InlineData("EXISTING")]
    [InlineData("  Existing ")]
    [InlineData("\teXisting\n")]
    public async Task A_name_already_in_the_store_is_422_ignoring_case_and_surrounding_spaces(string name)
    {
        var store = await StoreWithOneAttributeAsync();
        var before = await store.SnapshotAsync();

        // The clash is reported at its index; the good item before it is not created either.
        await (await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = "New", type = "string" }, new { name, type = "number" } }))
            .ShouldBeInvalidBodyAsync("1.name");

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("Color", "Color")]
    [InlineData("Color", "color")]
    [InlineData("Color", " COLOR ")]
    public async Task The_same_name_twice_in_one_batch_is_422_on_the_second_and_creates_nothing(string first, string second)
    {
        var store = await StoreWithOneAttributeAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.PostJsonAsync(AttributeCalls.Url, new[]
            {
                new { name = first, type = "string" }, new { name = "Other", type = "string" }, new { name = second, type = "date" },
            }))
            .ShouldBeInvalidBodyAsync("2.name");

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Names_that_only_contain_an_existing_name_are_distinct()
    {
        var store = await StoreWithOneAttributeAsync();

        (await store.CreateAttributesAsync(("Existing customer", "string"), ("Pre-existing", "string"), ("Existing2", "number"))).ShouldBe([2, 3, 4]);

        (await store.AttributeIdsAsync()).ShouldBe([1, 2, 3, 4]);
    }

    private const string TooMany = "A store cannot have more than 50 customer attributes.";

    [Fact]
    public async Task A_store_holds_at_most_50_attributes_the_51st_is_422_and_not_created()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateManyAsync(49)).ShouldBe(Enumerable.Range(1, 49));

        (await store.CreateAttributesAsync(("Fiftieth", "number"))).ShouldBe([50]);
        var full = await store.SnapshotAsync();

        var error = await (await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = "Fifty-first", type = "string" } }))
            .ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.GetProperty("title").GetString().ShouldBe(TooMany);
        (await store.SnapshotAsync()).ShouldBe(full);
        (await store.ListAsync("name=Fifty-first")).Data().ShouldBeEmpty();
        (await store.ListAsync()).GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(50);
    }

    [Theory]
    [InlineData(1, 50)] // a batch of 51 is over the batch cap: a 413 before the limit is looked at (BoundedWorkTests)
    [InlineData(48, 3)]
    [InlineData(40, 11)]
    [InlineData(49, 2)]
    public async Task A_batch_that_would_cross_50_is_refused_whole(int existing, int sent)
    {
        var store = await api.NewStoreAsync();
        if (existing > 0)
        {
            await store.CreateManyAsync(existing);
        }

        var before = await store.SnapshotAsync();

        var batch = Enumerable.Range(1, sent).Select(i => new { name = $"New{i}", type = "string" }).ToArray();
        var error = await (await store.V3.PostJsonAsync(AttributeCalls.Url, batch)).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);

        error.GetProperty("title").GetString().ShouldBe(TooMany);
        (await store.SnapshotAsync()).ShouldBe(before);
        (await store.ListAsync("name:like=New")).Data().ShouldBeEmpty();

        // Exactly up to the limit is fine.
        var fits = batch.Take(50 - existing).ToArray();
        var created = (await (await store.V3.PostJsonAsync(AttributeCalls.Url, fits)).ShouldBeAsync(HttpStatusCode.OK)).Data();
        created.Select(a => a.GetProperty("name").GetString()).ShouldBe(fits.Select(a => a.name));
        (await store.ListAsync()).GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(50);
    }

    [Fact]
    public async Task The_limit_counts_the_attributes_that_exist_so_deleting_one_makes_room()
    {
        var store = await api.NewStoreAsync();
        await store.CreateManyAsync(50);
        (await store.V3.DeleteAsync(AttributeCalls.Url + "?id:in=7")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.CreateAttributesAsync(("Replacement", "date"))).ShouldBe([51]);

        var error = await (await store.V3.PostJsonAsync(AttributeCalls.Url, new[] { new { name = "One too many", type = "string" } }))
            .ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.GetProperty("title").GetString().ShouldBe(TooMany);
        (await store.AttributeIdsAsync("limit=250")).ShouldBe([.. Enumerable.Range(1, 6), .. Enumerable.Range(8, 44)]);
    }

    [Fact]
    public async Task One_bad_item_among_good_ones_creates_nothing_and_a_corrected_retry_succeeds()
    {
        var store = await api.NewStoreAsync();
        object[] batch = [new { name = "Age", type = "number" }, new { name = "Color", type = "string" }, new { name = "Birthday", type = "day" }];

        await (await store.V3.PostJsonAsync(AttributeCalls.Url, batch)).ShouldBeInvalidBodyAsync("2.type");

        (await store.ListAsync()).Data().ShouldBeEmpty();
        (await store.ListAsync("name=Age")).Data().ShouldBeEmpty();

        batch[2] = new { name = "Birthday", type = "date" };
        var created = (await (await store.V3.PostJsonAsync(AttributeCalls.Url, batch)).ShouldBeAsync(HttpStatusCode.OK)).Data();
        created.Select(a => a.GetProperty("name").GetString()).ShouldBe(["Age", "Color", "Birthday"]);
        (await store.ListAsync()).Data().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Age", "Color", "Birthday"]);
    }

    private async Task<TestStore> StoreWithOneAttributeAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateAttributesAsync(("Existing", "string"))).ShouldBe([1]);
        return store;
    }
}

public sealed class AttributeCreateTests_Sqlite(SqliteApi api) : AttributeCreateTests(api), IClassFixture<SqliteApi>;

public sealed class AttributeCreateTests_Postgres(PostgresApi api) : AttributeCreateTests(api), IClassFixture<PostgresApi>;
