using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerApi.Data.Entities;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

/// <summary>
/// Bodies POST customers and PUT customers/{id} must refuse with a V2 400, writing nothing: every test starts from a
/// store with one customer and checks afterwards that the count and that customer are exactly as they were.
/// </summary>
public abstract class BadInputTests(ApiFixture api)
{
    private const string NotJson = "The request body is not valid JSON.";
    private const string EmptyBody = "The request body is empty; a JSON object is required.";

    private static readonly HttpMethod[] Writes = [HttpMethod.Post, HttpMethod.Put];

    [Theory]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Chan""")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed",""")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":""")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed"]""")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed",}""")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed"} trailing""")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":Changed}""")]
    [InlineData("""{first_name:"Jane",last_name:"Doe",email:"new@example.com",company:"Changed"}""")]
    [InlineData("""{'first_name':'Jane','last_name':'Doe','email':'new@example.com','company':'Changed'}""")]
    [InlineData("""{"first_name":"Jane" "last_name":"Doe"}""")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed"/*note*/}""")]
    [InlineData("first_name=Jane&last_name=Doe&email=new%40example.com")]
    [InlineData("{")]
    [InlineData("   ")]
    public async Task Malformed_or_truncated_json_is_400_not_valid_json_and_writes_nothing(string body)
    {
        var store = await StoreWithOneCustomerAsync();

        foreach (var method in Writes)
        {
            var errors = await RejectedAsync(store, method, body);
            errors.Messages().ShouldBe([NotJson], $"{method}: {errors}");
        }
    }

    [Theory]
    [InlineData("{\"first_name\":\"J\xFFne\",\"last_name\":\"Doe\",\"email\":\"new@example.com\",\"company\":\"Changed\"}")]
    [InlineData("{\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"email\":\"new@example.com\",\"company\":\"Ch\xC3\x28nged\"}")]
    [InlineData("{\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"email\":\"new@example.com\",\"company\":\"\xC0\xAF\"}")]
    [InlineData("{\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"email\":\"new@example.com\",\"company\":\"\xED\xA0\x80\"}")]
    [InlineData("{\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"email\":\"new@example.com\",\"comp\xFEny\":\"Changed\"}")]
    [InlineData("{\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"email\":\"new@example.com\",\"company\":\"Changed\"}\xFF")]
    public async Task Invalid_utf8_bytes_are_400_and_write_nothing(string latin1Bytes)
    {
        // Each char of the test data is one byte on the wire, so \xFF is the lone byte 0xFF: never valid UTF-8.
        var bytes = Encoding.Latin1.GetBytes(latin1Bytes);
        var store = await StoreWithOneCustomerAsync();

        foreach (var method in Writes)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/json");
            await RejectedAsync(store, method, content);
        }
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100)]
    [InlineData(1000)]
    public async Task Json_nested_too_deep_is_400_even_inside_an_ignored_read_only_field(int depth)
    {
        var store = await StoreWithOneCustomerAsync();
        var deep = new string('[', depth) + new string(']', depth);

        foreach (var method in Writes)
        {
            var body = $$"""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed","form_fields":{{deep}}}""";
            (await RejectedAsync(store, method, body)).Messages().ShouldBe([NotJson], method.ToString());
            await RejectedAsync(store, method, deep);
        }
    }

    [Fact]
    public async Task Json_nested_within_the_limit_in_a_read_only_field_is_ignored()
    {
        var store = await StoreWithOneCustomerAsync();
        var nested = new string('[', 30) + new string(']', 30);

        var response = await store.V2.PostJsonAsync("customers",
            $$"""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","form_fields":{{nested}}}""");

        (await response.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("form_fields").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("""[{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed"}]""")]
    [InlineData("[]")]
    [InlineData("\"first_name\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_json_object_is_400_and_writes_nothing(string body)
    {
        var store = await StoreWithOneCustomerAsync();

        foreach (var method in Writes)
        {
            await RejectedAsync(store, method, body);
        }
    }

    [Theory]
    [InlineData("""{"first_name":"Jane","first_name":"Janet","last_name":"Doe","email":"new@example.com","company":"Changed"}""", "first_name")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed","company":"Changed"}""", "company")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","email":"other@example.com","company":"Changed"}""", "email")]
    [InlineData("""{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed","_authentication":{"password":"Correct1horse","password":"Battery2staple"}}""", "_authentication.password")]
    public async Task A_key_sent_twice_is_400_naming_it_and_writes_nothing(string body, string field)
    {
        await EveryWriteRejectsAsync(body, $"The field '{field}' is invalid.");
    }

    [Fact]
    public async Task A_read_only_key_sent_twice_is_refused_too()
    {
        var store = await StoreWithOneCustomerAsync();

        foreach (var method in Writes)
        {
            await RejectedAsync(store, method, """{"first_name":"Jane","last_name":"Doe","email":"new@example.com","company":"Changed","id":7,"id":8}""");
        }
    }

    [Theory]
    [InlineData("foo", "1")]
    [InlineData("password", "\"Correct1horse\"")]
    [InlineData("FirstName", "\"Jane\"")]
    [InlineData("customer_group", "0")]
    [InlineData("authentication", "{\"new_password\":\"Correct1horse\"}")]
    [InlineData("store_credit_amounts", "[{\"amount\":5}]")]
    public async Task An_unknown_field_is_400_not_supported_and_writes_nothing(string field, string value)
    {
        await EveryWriteRejectsAsync(Body(field, value), $"The field '{field}' is not supported by this resource.");
    }

    [Theory]
    [InlineData("Phone", "\"555\"")]
    [InlineData("PHONE", "\"555\"")]
    [InlineData("Tax_Exempt_Category", "\"G\"")]
    [InlineData("Reset_Pass_On_Login", "false")]
    public async Task Field_names_are_case_sensitive_so_a_differently_cased_name_is_not_supported(string field, string value)
    {
        await EveryWriteRejectsAsync(Body(field, value), $"The field '{field}' is not supported by this resource.");
    }

    [Fact]
    public async Task Every_unknown_field_is_reported()
    {
        var store = await StoreWithOneCustomerAsync();

        var errors = await RejectedAsync(store, HttpMethod.Post, Body("foo", "1", ("bar", "2")));

        errors.Messages().ShouldBe(
            ["The field 'foo' is not supported by this resource.", "The field 'bar' is not supported by this resource."], ignoreOrder: true);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("new_password")]
    [InlineData("force_password_reset")]
    [InlineData("Force_Reset")]
    public async Task An_unknown_field_inside_authentication_is_400_naming_its_path_and_writes_nothing(string field)
    {
        await EveryWriteRejectsAsync(Body("_authentication", $$"""{"password":"{{Passwords.Other}}","{{field}}":true}"""), $"The field '_authentication.{field}' is not supported by this resource.");
    }

    [Theory]
    [InlineData("first_name", "123", "first_name")]
    [InlineData("first_name", "true", "first_name")]
    [InlineData("last_name", "{\"x\":1}", "last_name")]
    [InlineData("email", "[\"new@example.com\"]", "email")]
    [InlineData("phone", "5551234", "phone")]
    [InlineData("notes", "[]", "notes")]
    [InlineData("customer_group_id", "\"gold\"", "customer_group_id")]
    [InlineData("customer_group_id", "\"0\"", "customer_group_id")]
    [InlineData("customer_group_id", "1.5", "customer_group_id")]
    [InlineData("customer_group_id", "true", "customer_group_id")]
    [InlineData("customer_group_id", "99999999999", "customer_group_id")]
    [InlineData("store_credit", "\"abc\"", "store_credit")]
    [InlineData("store_credit", "\"\"", "store_credit")]
    [InlineData("store_credit", "true", "store_credit")]
    [InlineData("store_credit", "{}", "store_credit")]
    [InlineData("reset_pass_on_login", "\"yes\"", "reset_pass_on_login")]
    [InlineData("reset_pass_on_login", "[]", "reset_pass_on_login")]
    [InlineData("_authentication", "\"Correct1horse\"", "_authentication")]
    [InlineData("_authentication", "[]", "_authentication")]
    [InlineData("_authentication", "true", "_authentication")]
    [InlineData("_authentication", "{\"password\":12345678}", "_authentication.password")]
    [InlineData("_authentication", "{\"password\":\"Correct1horse\",\"password_confirmation\":[]}", "_authentication.password_confirmation")]
    [InlineData("_authentication", "{\"force_reset\":\"yes\"}", "_authentication.force_reset")]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field_and_writes_nothing(string field, string value, string named)
    {
        var store = await StoreWithOneCustomerAsync();

        foreach (var method in Writes)
        {
            var errors = await RejectedAsync(store, method, Body(field, value));
            errors.Messages().ShouldBe([$"The field '{named}' is invalid."], $"{method}: {errors}");
        }
    }

    [Theory]
    [InlineData("first_name")]
    [InlineData("last_name")]
    [InlineData("email")]
    public async Task Each_required_field_missing_on_create_is_400_naming_only_that_field(string missing)
    {
        var store = await StoreWithOneCustomerAsync();
        var body = JsonNode.Parse(Body())!.AsObject();
        body.Remove(missing);

        var errors = await RejectedAsync(store, HttpMethod.Post, body.ToJsonString());

        errors.Messages().ShouldBe([$"The required field '{missing}' was not supplied."]);
        errors[0].GetProperty("details").GetProperty("invalid_reason").GetString().ShouldBe($"{missing} is required");
    }

    [Theory]
    [InlineData("first_name")]
    [InlineData("last_name")]
    [InlineData("email")]
    public async Task A_required_field_sent_as_null_on_create_counts_as_missing(string field)
    {
        var store = await StoreWithOneCustomerAsync();

        var errors = await RejectedAsync(store, HttpMethod.Post, Body(field, "null"));

        errors.Messages().ShouldBe([$"The required field '{field}' was not supplied."]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"company":"Acme","phone":"555"}""")]
    public async Task All_required_fields_missing_on_create_gives_three_errors(string body)
    {
        var store = await StoreWithOneCustomerAsync();

        var errors = await RejectedAsync(store, HttpMethod.Post, body);

        errors.Messages().ShouldBe(
        [
            "The required field 'first_name' was not supplied.",
            "The required field 'last_name' was not supplied.",
            "The required field 'email' was not supplied.",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Required_fields_are_not_required_on_update()
    {
        var store = await StoreWithOneCustomerAsync();

        var updated = await (await store.V2.PutJsonAsync("customers/1", new { company = "Changed" })).ShouldBeAsync(HttpStatusCode.OK);

        updated.GetProperty("company").GetString().ShouldBe("Changed");
        updated.GetProperty("first_name").GetString().ShouldBe("Jane");
    }

    [Theory]
    [InlineData("first_name", "")]
    [InlineData("first_name", "   ")]
    [InlineData("last_name", "")]
    [InlineData("last_name", "\t")]
    public async Task An_empty_name_is_400_and_writes_nothing(string field, string value)
    {
        await EveryWriteRejectsAsync(Body(field, JsonSerializer.Serialize(value)), $"The field '{field}' is invalid.");
    }

    [Theory]
    [InlineData("first_name", "\"Ja\\u0000ne\"", "first_name")]
    [InlineData("company", "\"\\u0000\"", "company")]
    [InlineData("notes", "\"line\\u0000\"", "notes")]
    [InlineData("email", "\"a\\u0000b@example.com\"", "email")]
    [InlineData("_authentication", "{\"password\":\"Correct1\\u0000horse\"}", "_authentication.password")]
    public async Task Text_holding_a_nul_character_is_400_naming_the_field_and_writes_nothing(string field, string value, string named)
    {
        // PostgreSQL cannot store U+0000 (it answered 500) and SQLite would have stored it: refused on both.
        await EveryWriteRejectsAsync(Body(field, value), $"The field '{named}' is invalid.");
    }

    [Theory]
    [InlineData("first_name", CustomerLimits.Name)]
    [InlineData("last_name", CustomerLimits.Name)]
    [InlineData("company", CustomerLimits.Company)]
    [InlineData("phone", CustomerLimits.Phone)]
    [InlineData("notes", CustomerLimits.Notes)]
    [InlineData("tax_exempt_category", CustomerLimits.TaxExemptCategory)]
    [InlineData("registration_ip_address", CustomerLimits.RegistrationIpAddress)]
    public async Task A_field_one_character_over_its_limit_is_400_and_writes_nothing(string field, int limit)
    {
        var store = await StoreWithOneCustomerAsync();
        var tooLong = JsonSerializer.Serialize(new string('x', limit + 1));

        foreach (var method in Writes)
        {
            var errors = await RejectedAsync(store, method, Body(field, tooLong));
            errors.Messages().ShouldBe([$"The field '{field}' is invalid."], method.ToString());
        }
    }

    [Theory]
    [InlineData("first_name", CustomerLimits.Name)]
    [InlineData("last_name", CustomerLimits.Name)]
    [InlineData("company", CustomerLimits.Company)]
    [InlineData("phone", CustomerLimits.Phone)]
    [InlineData("notes", CustomerLimits.Notes)]
    [InlineData("tax_exempt_category", CustomerLimits.TaxExemptCategory)]
    [InlineData("registration_ip_address", CustomerLimits.RegistrationIpAddress)]
    public async Task A_field_exactly_at_its_limit_is_stored_whole(string field, int limit)
    {
        var store = await StoreWithOneCustomerAsync();
        var longest = new string('y', limit);

        var created = await (await store.V2.PostJsonAsync("customers", Body(field, JsonSerializer.Serialize(longest))))
            .ShouldBeAsync(HttpStatusCode.Created);
        var updated = await (await store.V2.PutJsonAsync("customers/1", new Dictionary<string, string> { [field] = longest }))
            .ShouldBeAsync(HttpStatusCode.OK);

        created.GetProperty(field).GetString().ShouldBe(longest);
        updated.GetProperty(field).GetString().ShouldBe(longest);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task An_email_over_250_characters_is_400_and_one_of_250_is_stored()
    {
        var store = await StoreWithOneCustomerAsync();
        var longest = new string('a', CustomerLimits.Email - "@example.com".Length) + "@example.com";
        var tooLong = "b" + longest;

        foreach (var method in Writes)
        {
            (await RejectedAsync(store, method, Body("email", JsonSerializer.Serialize(tooLong))))
                .Messages().ShouldBe(["The field 'email' is invalid."], method.ToString());
        }

        var created = await store.CreateCustomerAsync(longest);
        created.GetProperty("email").GetString().ShouldBe(longest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("jane@")]
    [InlineData("jane@example")]
    [InlineData("jane@example.")]
    [InlineData("jane@.com")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@exam ple.com")]
    [InlineData("jane@@example.com")]
    [InlineData("jane@one@example.com")]
    [InlineData("Jane Doe <jane@example.com>")]
    [InlineData("jane@example.com\nbcc@example.com")]
    public async Task An_invalid_email_is_400_and_writes_nothing(string email)
    {
        var store = await StoreWithOneCustomerAsync();

        foreach (var method in Writes)
        {
            var errors = await RejectedAsync(store, method, Body("email", JsonSerializer.Serialize(email)));
            errors.Messages().ShouldBe(["The field 'email' is invalid."], method.ToString());
            errors[0].GetProperty("details").GetProperty("invalid_reason").GetString().ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData("store_credit", "-1")]
    [InlineData("store_credit", "-0.01")]
    [InlineData("store_credit", "\"-5\"")]
    [InlineData("store_credit", "\"-0.5\"")]
    [InlineData("store_credit", "1000000000000")]
    [InlineData("store_credit", "\"1000000000000\"")]
    [InlineData("customer_group_id", "-1")]
    [InlineData("customer_group_id", "-2147483648")]
    public async Task Store_credit_or_customer_group_id_out_of_range_is_400_and_writes_nothing(string field, string value)
    {
        await EveryWriteRejectsAsync(Body(field, value), $"The field '{field}' is invalid.");
    }

    [Fact]
    public async Task The_largest_store_credit_is_stored_exactly()
    {
        var store = await StoreWithOneCustomerAsync();

        var created = await store.CreateCustomerAsync("rich@example.com", new { store_credit = "999999999999.9999" });

        created.GetProperty("store_credit").GetString().ShouldBe("999999999999.9999");
        (await (await store.V2.GetAsync("customers/2")).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("store_credit").GetString().ShouldBe("999999999999.9999");
    }

    [Fact]
    public async Task An_empty_body_is_400_and_writes_nothing()
    {
        await EveryWriteRejectsAsync("", EmptyBody);
    }

    [Fact]
    public async Task A_valid_field_next_to_a_bad_one_is_not_applied()
    {
        var store = await StoreWithOneCustomerAsync();

        await RejectedAsync(store, HttpMethod.Put, """{"company":"Changed","notes":"changed too","store_credit":-1}""");
        await RejectedAsync(store, HttpMethod.Put, """{"company":"Changed","email":"not-an-email"}""");
        await RejectedAsync(store, HttpMethod.Put, """{"company":"Changed","_authentication":{"password":"Battery2staple","force_reset":false,"foo":1}}""");

        var customer = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        customer.GetProperty("company").GetString().ShouldBe("Acme");
        customer.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeFalse();
    }

    [Fact]
    public async Task Several_invalid_fields_are_all_reported_in_one_answer()
    {
        var store = await StoreWithOneCustomerAsync();

        var errors = await RejectedAsync(store, HttpMethod.Post,
            """{"first_name":"","last_name":"Doe","email":"nope","store_credit":-1,"customer_group_id":-1}""");

        errors.Messages().ShouldBe(
        [
            "The field 'first_name' is invalid.", "The field 'email' is invalid.",
            "The field 'store_credit' is invalid.", "The field 'customer_group_id' is invalid.",
        ], ignoreOrder: true);
    }

    /// <summary>A store whose customer 1 has a company, a password and reset_pass_on_login set, so any change shows.</summary>
    private async Task<TestStore> StoreWithOneCustomerAsync()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("existing@example.com", new
        {
            company = "Acme", phone = "555", notes = "n", store_credit = 5, reset_pass_on_login = true,
            _authentication = new { password = Passwords.Good },
        });
        return store;
    }

    /// <summary>A full, valid create body (that also changes customer 1 if PUT) with <paramref name="field"/> set to raw JSON.</summary>
    private static string Body(string? field = null, string? rawValue = null, params (string Field, string RawValue)[] more)
    {
        var body = new JsonObject
        {
            ["first_name"] = "Jane", ["last_name"] = "Doe", ["email"] = "new@example.com", ["company"] = "Changed", ["notes"] = "changed",
        };
        foreach (var (name, value) in (field is null ? more : [(field, rawValue!), .. more]))
        {
            body[name] = JsonNode.Parse(value);
        }

        return body.ToJsonString();
    }

    /// <summary>In a new store with one customer, POST and PUT of <paramref name="body"/> are each refused with just <paramref name="message"/>.</summary>
    private async Task EveryWriteRejectsAsync(string body, string message)
    {
        var store = await StoreWithOneCustomerAsync();
        foreach (var method in Writes)
        {
            (await RejectedAsync(store, method, body)).Messages().ShouldBe([message], method.ToString());
        }
    }

    private static Task<JsonElement> RejectedAsync(TestStore store, HttpMethod method, string body) =>
        RejectedAsync(store, method, new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Sends a write, expects a V2 400, and checks that the store is exactly as before.</summary>
    private static async Task<JsonElement> RejectedAsync(TestStore store, HttpMethod method, HttpContent content)
    {
        var before = await store.CustomerTextAsync();
        var url = method == HttpMethod.Post ? "customers" : "customers/1";

        var response = await store.V2.SendAsync(new HttpRequestMessage(method, url) { Content = content });

        var errors = await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1, $"{method} {url} wrote a customer");
        (await store.CustomerTextAsync()).ShouldBe(before, $"{method} {url} changed customer 1");
        return errors;
    }
}

public sealed class BadInputTests_Sqlite(SqliteApi api) : BadInputTests(api), IClassFixture<SqliteApi>;

public sealed class BadInputTests_Postgres(PostgresApi api) : BadInputTests(api), IClassFixture<PostgresApi>;
