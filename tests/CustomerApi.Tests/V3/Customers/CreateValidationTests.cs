using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3.Customers;

/// <summary>
/// <c>POST customers</c> refused: a malformed body or item is a 422 keyed <c>item.field</c>, what the store holds (a taken
/// email, a missing group or attribute) a 422 titled "Create customers failed.", more than 10 items a 413; and a refused
/// batch writes nothing at all, not even its good items.
/// </summary>
public abstract class CreateValidationTests(ApiFixture api)
{
    private const string Required = """ "email":"new@example.com","first_name":"Jane","last_name":"Doe" """;

    private static string Item(string fields) => $$"""[{{{Required}}, {{fields}}}]""";

    /// <summary>Bodies whose one item is malformed, with the errors that name it; the store has customer 1 and attribute 1.</summary>
    public static TheoryData<string, string[]> MalformedItems => new()
    {
        { """[{"first_name":"Jane","last_name":"Doe"}]""", ["0.email"] },
        { """[{"email":"new@example.com","last_name":"Doe"}]""", ["0.first_name"] },
        { """[{"email":"new@example.com","first_name":"Jane"}]""", ["0.last_name"] },
        { """[{}]""", ["0.email", "0.first_name", "0.last_name"] },
        { """[{"email":null,"first_name":null,"last_name":null}]""", ["0.email", "0.first_name", "0.last_name"] },
        { """[{"email":"not-an-email","first_name":"Jane","last_name":"Doe"}]""", ["0.email"] },
        { $$"""[{"email":"{{new string('a', 239)}}@example.com","first_name":"Jane","last_name":"Doe"}]""", ["0.email"] },
        { """[{"email":"new@example.com","first_name":"  ","last_name":""}]""", ["0.first_name", "0.last_name"] },
        { Item($$""" "first_name":"{{new string('x', 101)}}" """), ["0.first_name"] },
        { Item($$""" "phone":"{{new string('5', 51)}}" """), ["0.phone"] },
        { Item($$""" "company":"{{new string('c', 256)}}" """), ["0.company"] },
        { Item(""" "customer_group_id":-1 """), ["0.customer_group_id"] },
        { Item(""" "authentication":{"new_password":"short1"} """), ["0.authentication.new_password"] },
        { Item(""" "authentication":{"new_password":"lettersonly"} """), ["0.authentication.new_password"] },
        { Item(""" "authentication":{"new_password":"1234567890"} """), ["0.authentication.new_password"] },
        { Item(""" "store_credit_amounts":[{"amount":1},{"amount":2}] """), ["0.store_credit_amounts"] },
        { Item(""" "store_credit_amounts":[{"amount":-0.01}] """), ["0.store_credit_amounts.0.amount"] },
        { Item(""" "store_credit_amounts":[{"amount":1000000000000}] """), ["0.store_credit_amounts.0.amount"] },
        { Item(""" "store_credit_amounts":[{}] """), ["0.store_credit_amounts.0.amount"] },
        { Item(""" "channel_ids":[] """), ["0.channel_ids"] },
        { Item(""" "channel_ids":[1,0] """), ["0.channel_ids"] },
        { Item(""" "origin_channel_id":0 """), ["0.origin_channel_id"] },
        { Item(""" "form_fields":[{"name":"shirt_size"}] """), ["0.form_fields.0.value"] },
        { Item(""" "form_fields":[{"value":"Large"}] """), ["0.form_fields.0.name"] },
        { Item(""" "form_fields":[{"name":"shirt_size","value":{"size":"L"}}] """), ["0.form_fields.0.value"] },
        { Item(""" "form_fields":[{"name":"shirt_size","value":[1,2]}] """), ["0.form_fields.0.value"] },
        { Item(""" "form_fields":[null] """), ["0.form_fields.0"] },
        { Item(""" "addresses":[{}] """), ["0.addresses.0.first_name", "0.addresses.0.last_name", "0.addresses.0.address1", "0.addresses.0.city", "0.addresses.0.country_code"] },
        { Item(""" "addresses":[{"first_name":"R","last_name":"S","address1":"1 Main","city":"Austin","country_code":"XX"}] """), ["0.addresses.0.country_code"] },
        { Item(""" "addresses":[{"first_name":"R","last_name":"S","address1":"1 Main","city":"Austin","country_code":"USA"}] """), ["0.addresses.0.country_code"] },
        { Item(""" "addresses":[{"first_name":"R","last_name":"S","address1":"1 Main","city":"Austin","country_code":"US","address_type":"house"}] """), ["0.addresses.0.address_type"] },
        { Item(""" "addresses":[{"first_name":"R","last_name":"S","address1":"1 Main","city":"Austin","country_code":"US","form_fields":[{"name":"x","value":true}]}] """), ["0.addresses.0.form_fields.0.value"] },
        { Item(""" "addresses":[null] """), ["0.addresses.0"] },
        { Item($$""" "addresses":[{{string.Join(',', Enumerable.Repeat("""{"first_name":"R","last_name":"S","address1":"1 Main","city":"Austin","country_code":"US"}""", 11))}}] """), ["0.addresses"] },
        { Item(""" "attributes":[{"attribute_id":1}] """), ["0.attributes.0.attribute_value"] },
        { Item(""" "attributes":[{"attribute_value":"x"}] """), ["0.attributes.0.attribute_id"] },
        { Item(""" "attributes":[{"attribute_id":1,"attribute_value":"a"},{"attribute_id":1,"attribute_value":"b"}] """), ["0.attributes"] },
        { Item($$""" "attributes":[{{string.Join(',', Enumerable.Range(1, 11).Select(i => $$"""{"attribute_id":{{i}},"attribute_value":"x"}"""))}}] """), ["0.attributes"] },
        // Wrong JSON types: the same 422, keyed by the path of the value.
        { """[{"email":42,"first_name":"Jane","last_name":"Doe"}]""", ["0.email"] },
        { Item(""" "customer_group_id":"1" """), ["0.customer_group_id"] },
        { Item(""" "channel_ids":"1" """), ["0.channel_ids"] },
        { Item(""" "channel_ids":[1.5] """), ["0.channel_ids.0"] },
        { Item(""" "authentication":"Correct1horse" """), ["0.authentication"] },
        { Item(""" "accepts_product_review_abandoned_cart_emails":"yes" """), ["0.accepts_product_review_abandoned_cart_emails"] },
        { Item(""" "store_credit_amounts":{"amount":5} """), ["0.store_credit_amounts"] },
        { Item(""" "store_credit_amounts":[{"amount":"5"}] """), ["0.store_credit_amounts.0.amount"] },
        { Item(""" "addresses":{} """), ["0.addresses"] },
        { Item(""" "attributes":[{"attribute_id":1,"attribute_value":5}] """), ["0.attributes.0.attribute_value"] },
        // The body itself: an array of 1 to 10 objects.
        { """{"email":"new@example.com","first_name":"Jane","last_name":"Doe"}""", ["body"] },
        { "[]", ["body"] },
        { "\"text\"", ["body"] },
        { "[null]", ["0"] },
        { "[1]", ["0"] },
    };

    [Theory]
    [MemberData(nameof(MalformedItems))]
    public async Task A_malformed_body_or_item_is_422_naming_the_item_and_field_and_nothing_is_written(string body, string[] keys)
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        await (await store.V3.PostJsonAsync(Url, body)).ShouldBeInvalidBodyAsync(keys);

        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task One_bad_item_refuses_the_whole_batch_and_every_bad_item_is_named()
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        var response = await store.PostCustomersAsync(
            Customer("good0@example.com"), Customer("not-an-email"), Customer("good2@example.com"), Customer("good3@example.com", new { last_name = "" }));

        var errors = await response.ShouldBeInvalidBodyAsync("1.email", "3.last_name");
        errors["3.last_name"].ShouldContain("last_name");
        (await store.CustomersStateAsync()).ShouldBe(before);
        (await store.CreateV3Async(Customer("good0@example.com"))).Single().GetProperty("id").GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Eleven_customers_are_413_before_any_of_them_is_looked_at_and_nothing_is_written(bool valid)
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        var response = await store.PostCustomersAsync([.. Enumerable.Range(1, 11).Select(i => Customer(valid ? $"c{i}@example.com" : "not-an-email"))]);

        var error = await response.ShouldBeV3ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        error.GetProperty("title").GetString().ShouldBe("The request payload is too large. The maximum number of items allowed in the array is 10.");
        error.Errors().ShouldBeEmpty();
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("[{\"email\":")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_body_that_is_not_json_is_400_in_V3_shape_and_nothing_is_written(string body)
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        await (await store.V3.PostJsonAsync(Url, body)).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);

        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("taken@example.com")]
    [InlineData("  TAKEN@Example.com ")]
    public async Task An_email_already_a_customers_is_refused_in_BigCommerces_words_and_the_batch_writes_nothing(string email)
    {
        var store = await StoreAsync();
        await store.CreateCustomerAsync("taken@example.com");
        var before = await store.CustomersStateAsync();

        var response = await store.PostCustomersAsync(Customer("fresh@example.com"), Customer(email));

        await response.ShouldBeRefusedAsync(CreateFailed, ("1.email", EmailInUse(creating: true, email)));
        (await store.CustomersStateAsync()).ShouldBe(before);
        // A refused batch spends no id.
        (await store.CreateV3Async(Customer("fresh@example.com"))).Single().GetProperty("id").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task The_same_email_twice_in_one_batch_names_each_later_item_and_writes_nothing()
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        var response = await store.PostCustomersAsync(
            Customer("twin@example.com"), Customer("other@example.com"), Customer("Twin@Example.com"), Customer("twin@example.com "));

        await response.ShouldBeRefusedAsync(CreateFailed,
            ("2.email", EmailInUse(creating: true, "Twin@Example.com")), ("3.email", EmailInUse(creating: true, "twin@example.com")));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_group_that_does_not_exist_here_is_refused_naming_the_item_and_nothing_is_written()
    {
        var store = await StoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateGroupsAsync(3);
        await store.CreateGroupsAsync(1);
        (await store.V2.DeleteAsync("customer_groups/1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var before = await store.CustomersStateAsync();

        // Group 3 is another store's; group 1 was this store's and is deleted.
        var response = await store.PostCustomersAsync(
            Customer("a@example.com", new { customer_group_id = 0 }), Customer("b@example.com", new { customer_group_id = 3 }),
            Customer("c@example.com", new { customer_group_id = 1 }));

        await response.ShouldBeRefusedAsync(CreateFailed, ("1.customer_group_id", "Customer group 3 does not exist…"), ("2.customer_group_id", "Customer group 1 does not exist…"));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_attribute_that_does_not_exist_here_or_a_value_that_does_not_fit_its_type_is_refused_and_nothing_is_written()
    {
        var store = await StoreAsync(); // attribute 1: "Age", number
        var other = await api.NewStoreAsync();
        (await other.CreateAttributesAsync(("A", "string"), ("B", "string"), ("C", "string"), ("D", "string"))).ShouldBe([1, 2, 3, 4]);
        (await store.CreateAttributesAsync(("Since", "date"), ("Nickname", "string"))).ShouldBe([2, 3]);
        var before = await store.CustomersStateAsync();

        var response = await store.PostCustomersAsync(
            Customer("a@example.com", new { attributes = new[] { new { attribute_id = 3, attribute_value = "fine" }, new { attribute_id = 1, attribute_value = "forty" } } }),
            Customer("b@example.com", new { attributes = new[] { new { attribute_id = 2, attribute_value = "14/05/2024" } } }),
            // Attribute 4 is another store's.
            Customer("c@example.com", new { attributes = new[] { new { attribute_id = 1, attribute_value = "42" }, new { attribute_id = 4, attribute_value = "x" } } }));

        await response.ShouldBeRefusedAsync(CreateFailed,
            ("0.attributes.1.attribute_value", "value must be a number…"), ("1.attributes.0.attribute_value", "value must be an ISO 8601 date…"),
            ("2.attributes.1.attribute_id", "Customer attribute 4 does not exist."));
        (await store.CustomersStateAsync()).ShouldBe(before);
        (await store.ValueTextsAsync()).ShouldBe(["42"]);
    }

    [Fact]
    public async Task Every_item_the_store_refuses_is_named_in_one_answer()
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        var response = await store.PostCustomersAsync(
            Customer("a@example.com", new { customer_group_id = 5 }), Customer("victim@example.com"),
            Customer("c@example.com", new { attributes = new[] { new { attribute_id = 9, attribute_value = "x" } } }), Customer("d@example.com"));

        await response.ShouldBeRefusedAsync(CreateFailed, ("0.customer_group_id", "Customer group 5 does not exist…"),
            ("1.email", EmailInUse(creating: true, "victim@example.com")), ("2.attributes.0.attribute_id", "Customer attribute 9 does not exist."));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    /// <summary>A store with customer 1 (victim@example.com, value "42" of attribute 1 "Age", number).</summary>
    private async Task<TestStore> StoreAsync()
    {
        var store = await api.NewStoreAsync();
        await store.SeedAsync();
        return store;
    }
}

public sealed class CreateValidationTests_Sqlite(SqliteApi api) : CreateValidationTests(api), IClassFixture<SqliteApi>;

public sealed class CreateValidationTests_Postgres(PostgresApi api) : CreateValidationTests(api), IClassFixture<PostgresApi>;
