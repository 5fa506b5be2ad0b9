using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Attributes;

/// <summary>
/// <c>PUT customers/attributes</c>. Every refused request starts from a store holding 1 "Age" (number) and
/// 2 "Color" (string) and checks by GET afterwards that both are exactly as they were, dates included.
/// </summary>
public abstract class AttributeUpdateTests(ApiFixture api)
{
    [Fact]
    public async Task Rename_answers_200_with_the_attribute_renamed_and_trimmed_and_the_list_shows_it()
    {
        var store = await StoreWithTwoAttributesAsync();
        var color = (await store.ListAsync("name=Color")).Data().Single();

        var response = await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name = "  Years  " } });

        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        body.GetProperty("meta").EnumerateObject().ShouldBeEmpty();
        var renamed = body.Data().ShouldHaveSingleItem();
        renamed.ShouldBeAttribute(1, "Years", "number");

        var listed = (await store.ListAsync()).Data();
        listed[0].GetRawText().ShouldBe(renamed.GetRawText());
        listed[1].GetRawText().ShouldBe(color.GetRawText());
        (await store.ListAsync("name=Age")).Data().ShouldBeEmpty();
    }

    [Fact]
    public async Task Rename_bumps_date_modified_and_keeps_date_created()
    {
        var store = await StoreWithTwoAttributesAsync();
        var original = (await store.ListAsync("name=Age")).Data().Single();
        var created = original.Instant("date_created");
        original.Instant("date_modified").ShouldBe(created);
        await Task.Delay(1100); // date_modified has whole seconds: wait for the next one

        var renamed = (await (await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name = "Years" } })).ShouldBeAsync(HttpStatusCode.OK))
            .Data().Single();

        renamed.Instant("date_created").ShouldBe(created);
        renamed.Instant("date_modified").ShouldBeGreaterThan(created);
        renamed.Instant("date_modified").ShouldBeLessThanOrEqualTo(DateTime.UtcNow.AddSeconds(1));
        var listed = (await store.ListAsync("name=Years")).Data().Single();
        listed.Instant("date_created").ShouldBe(created);
        listed.Instant("date_modified").ShouldBe(renamed.Instant("date_modified"));
    }

    [Fact]
    public async Task Several_attributes_are_renamed_in_one_call_and_answered_in_request_order()
    {
        var store = await StoreWithTwoAttributesAsync();

        var response = await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 2, name = "Colour" }, new { id = 1, name = "Years" } });

        var data = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();
        data.Length.ShouldBe(2);
        data[0].ShouldBeAttribute(2, "Colour", "string");
        data[1].ShouldBeAttribute(1, "Years", "number");
        (await store.ListAsync()).Data().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Years", "Colour"]);
    }

    [Theory]
    [InlineData("Age")]
    [InlineData("AGE")]
    [InlineData(" age ")]
    public async Task Renaming_to_its_own_name_in_another_case_is_allowed(string name)
    {
        var store = await StoreWithTwoAttributesAsync();

        var response = await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name } });

        (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Single().ShouldBeAttribute(1, name.Trim(), "number");
        (await store.ListAsync("name=age")).Data().Single().GetProperty("name").GetString().ShouldBe(name.Trim());
    }

    [Fact]
    public async Task The_current_type_may_be_repeated()
    {
        var store = await StoreWithTwoAttributesAsync();

        var response = await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name = "Years", type = "number" }, new { id = 2, name = "Colour", type = "string" } });

        var data = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();
        data[0].ShouldBeAttribute(1, "Years", "number");
        data[1].ShouldBeAttribute(2, "Colour", "string");
        (await store.ListAsync("type=number")).Data().Single().GetProperty("name").GetString().ShouldBe("Years");
    }

    public static TheoryData<string, string[]> InvalidItems => new()
    {
        // the type cannot change
        { """[{"id":1,"name":"Years","type":"string"}]""", ["0.type"] },
        { """[{"id":1,"name":"Years","type":"date"}]""", ["0.type"] },
        { """[{"id":2,"name":"Colour","type":"number"}]""", ["0.type"] },
        { """[{"id":1,"name":"Years","type":"text"}]""", ["0.type"] },
        { """[{"id":1,"name":"Years","type":"Number"}]""", ["0.type"] },
        // ids
        { """[{"name":"Years"}]""", ["0.id"] },
        { """[{"id":null,"name":"Years"}]""", ["0.id"] },
        { """[{"id":3,"name":"Years"}]""", ["0.id"] },
        { """[{"id":0,"name":"Years"}]""", ["0.id"] },
        { """[{"id":-1,"name":"Years"}]""", ["0.id"] },
        { """[{"id":1,"name":"Years"},{"id":1,"name":"Ages"}]""", ["1.id"] },
        { """[{"id":1,"name":"Years"},{"id":2,"name":"Colour"},{"id":1,"name":"Ages"}]""", ["2.id"] },
        // names
        { """[{"id":1}]""", ["0.name"] },
        { """[{"id":1,"name":null}]""", ["0.name"] },
        { """[{"id":1,"name":""}]""", ["0.name"] },
        { """[{"id":1,"name":"  "}]""", ["0.name"] },
        { $$"""[{"id":1,"name":"{{new string('y', 256)}}"}]""", ["0.name"] },
        { """[{}]""", ["0.id", "0.name"] },
        // unknown fields, wrong JSON types, null items
        { """[{"id":1,"name":"Years","options":[]}]""", ["0.options"] },
        { """[{"id":"1","name":"Years"}]""", ["0.id"] },
        { """[{"id":1.5,"name":"Years"}]""", ["0.id"] },
        { """[{"id":1,"name":7}]""", ["0.name"] },
        { """[{"id":1,"name":"Years","type":false}]""", ["0.type"] },
        { """[null]""", ["0"] },
        { """[{"id":1,"name":"Years"},null]""", ["1"] },
        // one bad item fails the batch
        { """[{"id":1,"name":"Years"},{"id":2,"name":""}]""", ["1.name"] },
        { """[{"id":2,"name":"Colour"},{"id":99,"name":"Years"}]""", ["1.id"] },
        { """[{"id":2,"name":"Colour"},{"id":1,"name":"Years","type":"date"}]""", ["1.type"] },
    };

    [Theory]
    [MemberData(nameof(InvalidItems))]
    public async Task Invalid_items_are_422_keyed_by_index_and_field_and_change_nothing(string body, string[] keys)
    {
        var store = await StoreWithTwoAttributesAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.PutJsonAsync(AttributeCalls.Url, body)).ShouldBeInvalidBodyAsync(keys);

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"id":1,"name":"Years"}""")]
    [InlineData("\"Years\"")]
    public async Task A_body_that_is_not_a_non_empty_array_is_422_keyed_body(string body)
    {
        var store = await StoreWithTwoAttributesAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.PutJsonAsync(AttributeCalls.Url, body)).ShouldBeInvalidBodyAsync("body");

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Malformed_json_is_400_and_changes_nothing()
    {
        var store = await StoreWithTwoAttributesAsync();
        var before = await store.SnapshotAsync();

        var error = await (await store.V3.PutJsonAsync(AttributeCalls.Url, """[{"id":1,"name":"Years"}""")).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);

        error.GetProperty("title").GetString().ShouldBe("The request body is not valid JSON.");
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("Color")]
    [InlineData("color")]
    [InlineData(" COLOR ")]
    public async Task Renaming_to_the_name_of_another_attribute_is_422_and_changes_nothing(string name)
    {
        var store = await StoreWithTwoAttributesAsync();
        var before = await store.SnapshotAsync();

        var errors = await (await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name } })).ShouldBeInvalidBodyAsync("0.name");

        errors["0.name"].ShouldContain("already exists");
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Renaming_two_attributes_to_one_new_name_is_422_and_changes_nothing()
    {
        var store = await StoreWithTwoAttributesAsync();
        var before = await store.SnapshotAsync();

        var response = await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name = "Same" }, new { id = 2, name = "same " } });

        var errors = (await response.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).Errors();
        errors.Keys.ShouldContain("1.name");
        errors.Keys.ShouldAllBe(k => k.EndsWith(".name", StringComparison.Ordinal));
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Swapping_two_names_in_one_call_is_refused_and_changes_nothing()
    {
        var store = await StoreWithTwoAttributesAsync();
        var before = await store.SnapshotAsync();

        var response = await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name = "Color" }, new { id = 2, name = "Age" } });

        (await response.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString().ShouldBe(V3Json.InvalidBody);
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_name_given_up_in_a_call_may_be_taken_by_another_attribute_in_the_same_call()
    {
        var store = await StoreWithTwoAttributesAsync();

        var response = await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 2, name = "age" }, new { id = 1, name = "Years" } });

        var data = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();
        data[0].ShouldBeAttribute(2, "age", "string");
        data[1].ShouldBeAttribute(1, "Years", "number");
        (await store.ListAsync()).Data().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Years", "age"]);
    }

    [Fact]
    public async Task A_name_freed_by_a_rename_may_be_taken_again()
    {
        var store = await StoreWithTwoAttributesAsync();
        await (await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 1, name = "Years" } })).ShouldBeAsync(HttpStatusCode.OK);

        var response = await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 2, name = "age" } });
        (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Single().ShouldBeAttribute(2, "age", "string");
        (await store.CreateAttributesAsync(("Color", "date"))).ShouldBe([3]);

        (await store.ListAsync()).Data().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Years", "age", "Color"]);
    }

    [Fact]
    public async Task Attributes_of_another_store_are_unknown_ids()
    {
        var store = await StoreWithTwoAttributesAsync();
        var other = await api.NewStoreAsync();
        await other.CreateManyAsync(3);
        var before = await store.SnapshotAsync();
        var otherBefore = await other.SnapshotAsync();

        await (await other.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 2, name = "Renamed" } })).ShouldBeAsync(HttpStatusCode.OK);
        await (await store.V3.PutJsonAsync(AttributeCalls.Url, new[] { new { id = 3, name = "Renamed" } })).ShouldBeInvalidBodyAsync("0.id");

        (await store.SnapshotAsync()).ShouldBe(before);
        (await other.SnapshotAsync()).ShouldNotBe(otherBefore);
        (await other.ListAsync("name=Renamed")).Data().Single().GetProperty("id").GetInt32().ShouldBe(2);
    }

    private async Task<TestStore> StoreWithTwoAttributesAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateAttributesAsync(("Age", "number"), ("Color", "string"))).ShouldBe([1, 2]);
        return store;
    }
}

public sealed class AttributeUpdateTests_Sqlite(SqliteApi api) : AttributeUpdateTests(api), IClassFixture<SqliteApi>;

public sealed class AttributeUpdateTests_Postgres(PostgresApi api) : AttributeUpdateTests(api), IClassFixture<PostgresApi>;
