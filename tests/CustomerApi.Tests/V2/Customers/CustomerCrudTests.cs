using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

public abstract class CustomerCrudTests(ApiFixture api)
{
    [Fact]
    public async Task Create_returns_201_with_the_full_customer_in_BigCommerce_order_and_a_Location()
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customers", new
        {
            first_name = "Jane", last_name = "Doe", email = "jane@example.com", company = "BigCommerce", phone = "1234567890",
            store_credit = 12.5, registration_ip_address = "64.183.182.114", customer_group_id = 0, notes = "VIP",
            tax_exempt_category = "G", reset_pass_on_login = true,
        });

        var customer = await response.ShouldBeAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/stores/{store.Hash}/v2/customers/1");
        customer.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "id", "company", "first_name", "last_name", "email", "phone", "form_fields", "date_created", "date_modified",
            "store_credit", "registration_ip_address", "customer_group_id", "notes", "tax_exempt_category",
            "reset_pass_on_login", "accepts_marketing", "addresses",
        ]);
        customer.GetProperty("id").GetInt32().ShouldBe(1);
        customer.GetProperty("company").GetString().ShouldBe("BigCommerce");
        customer.GetProperty("first_name").GetString().ShouldBe("Jane");
        customer.GetProperty("last_name").GetString().ShouldBe("Doe");
        customer.GetProperty("email").GetString().ShouldBe("jane@example.com");
        customer.GetProperty("phone").GetString().ShouldBe("1234567890");
        customer.GetProperty("form_fields").ValueKind.ShouldBe(JsonValueKind.Null);
        customer.GetProperty("store_credit").GetString().ShouldBe("12.5000");
        customer.GetProperty("registration_ip_address").GetString().ShouldBe("64.183.182.114");
        customer.GetProperty("customer_group_id").GetInt32().ShouldBe(0);
        customer.GetProperty("notes").GetString().ShouldBe("VIP");
        customer.GetProperty("tax_exempt_category").GetString().ShouldBe("G");
        customer.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        customer.GetProperty("accepts_marketing").GetBoolean().ShouldBeFalse();
        var addresses = customer.GetProperty("addresses");
        addresses.GetProperty("url").GetString().ShouldBe($"http://localhost/stores/{store.Hash}/v2/customers/1/addresses");
        addresses.GetProperty("resource").GetString().ShouldBe("/customers/1/addresses");
    }

    [Fact]
    public async Task Dates_are_RFC_2822_in_GMT_written_as_plus_0000()
    {
        var store = await api.NewStoreAsync();
        var before = DateTime.UtcNow.AddSeconds(-2);

        var customer = await store.CreateCustomerAsync("dates@example.com");

        foreach (var field in new[] { "date_created", "date_modified" })
        {
            var text = customer.GetProperty(field).GetString()!;
            text.ShouldEndWith(" +0000");
            var parsed = DateTime.ParseExact(text, "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            parsed.ShouldBeInRange(before, DateTime.UtcNow.AddSeconds(2));
        }
    }

    [Fact]
    public async Task Unset_text_fields_are_empty_strings_and_store_credit_is_zero()
    {
        var store = await api.NewStoreAsync();

        var customer = await store.CreateCustomerAsync("plain@example.com");

        foreach (var field in new[] { "company", "phone", "notes", "tax_exempt_category", "registration_ip_address" })
        {
            customer.GetProperty(field).GetString().ShouldBe("");
        }

        customer.GetProperty("store_credit").GetString().ShouldBe("0.0000");
        customer.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("10", "10.0000")]
    [InlineData("10.5", "10.5000")]
    [InlineData("\"7.25\"", "7.2500")]
    [InlineData("\"3\"", "3.0000")]
    [InlineData("0.12345", "0.1235")]
    public async Task Store_credit_accepts_a_number_an_integer_or_a_numeric_string(string sent, string shown)
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customers",
            $$"""{"first_name":"A","last_name":"B","email":"credit@example.com","store_credit":{{sent}}}""");

        (await response.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("store_credit").GetString().ShouldBe(shown);
    }

    [Fact]
    public async Task Read_only_fields_in_the_body_are_ignored()
    {
        var store = await api.NewStoreAsync();

        var customer = await store.CreateCustomerAsync("readonly@example.com", new
        {
            id = 999, date_created = "Tue, 13 Nov 2012 21:16:41 +0000", date_modified = "x", accepts_marketing = true,
            addresses = new { url = "http://elsewhere" }, form_fields = new[] { new { name = "a", value = "b" } },
        });

        customer.GetProperty("id").GetInt32().ShouldBe(1);
        customer.GetProperty("accepts_marketing").GetBoolean().ShouldBeFalse();
        customer.GetProperty("date_created").GetString()!.ShouldNotContain("2012");
        customer.GetProperty("form_fields").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Ids_start_at_1_in_each_store_ascend_and_are_never_reused()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();

        (await store.CreateCustomerAsync("one@example.com")).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.CreateCustomerAsync("two@example.com")).GetProperty("id").GetInt32().ShouldBe(2);
        (await other.CreateCustomerAsync("one@example.com")).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.V2.DeleteAsync("customers/2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await store.V2.DeleteAsync("customers");

        (await store.CreateCustomerAsync("three@example.com")).GetProperty("id").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_failed_create_does_not_spend_an_id()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("taken@example.com");

        (await store.V2.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "TAKEN@example.com" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await store.CreateCustomerAsync("next@example.com")).GetProperty("id").GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("JANE@EXAMPLE.COM")]
    [InlineData("  Jane@Example.com ")]
    public async Task Duplicate_email_in_the_store_returns_409_ignoring_case_and_spaces(string duplicate)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("jane@example.com");

        var response = await store.V2.PostJsonAsync("customers", new { first_name = "J", last_name = "D", email = duplicate });

        var error = (await response.ShouldBeV2ErrorAsync(HttpStatusCode.Conflict))[0];
        error.GetProperty("message").GetString()!.ShouldContain("already in use");
        error.GetProperty("details").GetProperty("conflict_reason").GetString().ShouldNotBeNullOrEmpty();
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_email_may_exist_in_two_stores()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateCustomerAsync("shared@example.com");

        await other.CreateCustomerAsync("shared@example.com");
    }

    [Fact]
    public async Task Get_returns_the_customer_and_404_for_an_unknown_or_deleted_id()
    {
        var store = await api.NewStoreAsync();
        var created = await store.CreateCustomerAsync("get@example.com", new { company = "Acme" });

        var fetched = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        fetched.ToString().ShouldBe(created.ToString());

        await (await store.V2.GetAsync("customers/2")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.GetAsync("customers/0")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.GetAsync("customers/-1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.GetAsync("customers/abc")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.GetAsync("customers/99999999999")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_changes_only_the_fields_sent_and_moves_date_modified()
    {
        var store = await api.NewStoreAsync();
        var created = await store.CreateCustomerAsync("put@example.com", new { company = "Acme", phone = "555", notes = "n", store_credit = "5" });
        await Task.Delay(1100); // dates have whole-second precision

        var response = await store.V2.PutJsonAsync("customers/1", new { company = "Globex", store_credit = 7, customer_group_id = 0 });

        var updated = await response.ShouldBeAsync(HttpStatusCode.OK);
        updated.GetProperty("company").GetString().ShouldBe("Globex");
        updated.GetProperty("store_credit").GetString().ShouldBe("7.0000");
        foreach (var unchanged in new[] { "first_name", "last_name", "email", "phone", "notes", "date_created", "registration_ip_address" })
        {
            updated.GetProperty(unchanged).ToString().ShouldBe(created.GetProperty(unchanged).ToString(), unchanged);
        }

        updated.GetProperty("date_modified").GetString().ShouldNotBe(created.GetProperty("date_modified").GetString());
        (await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK)).ToString().ShouldBe(updated.ToString());
    }

    [Fact]
    public async Task Put_with_an_empty_object_changes_nothing_but_date_modified()
    {
        var store = await api.NewStoreAsync();
        var created = await store.CreateCustomerAsync("empty@example.com");

        var updated = await (await store.V2.PutJsonAsync("customers/1", new { })).ShouldBeAsync(HttpStatusCode.OK);

        updated.GetProperty("email").GetString().ShouldBe(created.GetProperty("email").GetString());
        updated.GetProperty("first_name").GetString().ShouldBe("Jane");
    }

    [Fact]
    public async Task Put_may_change_the_email_but_not_to_another_customers()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("first@example.com");
        await store.CreateCustomerAsync("second@example.com");

        (await (await store.V2.PutJsonAsync("customers/1", new { email = "FIRST@example.com" })).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("email").GetString().ShouldBe("FIRST@example.com");
        (await (await store.V2.PutJsonAsync("customers/1", new { email = "renamed@example.com" })).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("email").GetString().ShouldBe("renamed@example.com");
        await (await store.V2.PutJsonAsync("customers/2", new { email = "Renamed@Example.com" })).ShouldBeV2ErrorAsync(HttpStatusCode.Conflict);

        (await (await store.V2.GetAsync("customers/2")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("email").GetString().ShouldBe("second@example.com");
    }

    [Fact]
    public async Task Put_on_an_unknown_customer_is_404()
    {
        var store = await api.NewStoreAsync();

        await (await store.V2.PutJsonAsync("customers/5", new { company = "x" })).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_one_returns_204_then_404_and_leaves_the_others()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("a@example.com");
        await store.CreateCustomerAsync("b@example.com");

        var deleted = await store.V2.DeleteAsync("customers/1");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await deleted.Content.ReadAsStringAsync()).ShouldBeEmpty();

        await (await store.V2.DeleteAsync("customers/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.GetAsync("customers/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Head_answers_like_get_for_a_read_only_token()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("head@example.com");
        var readOnly = await api.NewStoreAsync("store_v2_customers_read_only");

        (await store.V2.SendAsync(new HttpRequestMessage(HttpMethod.Head, "customers/1"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await store.V2.SendAsync(new HttpRequestMessage(HttpMethod.Head, "customers/2"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await readOnly.V2.SendAsync(new HttpRequestMessage(HttpMethod.Head, "customers/count"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await readOnly.V2.SendAsync(new HttpRequestMessage(HttpMethod.Head, "customers"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_deleted_customers_email_can_be_used_again()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("again@example.com");
        await store.V2.DeleteAsync("customers/1");

        (await store.CreateCustomerAsync("again@example.com")).GetProperty("id").GetInt32().ShouldBe(2);
    }
}

public sealed class CustomerCrudTests_Sqlite(SqliteApi api) : CustomerCrudTests(api), IClassFixture<SqliteApi>;

public sealed class CustomerCrudTests_Postgres(PostgresApi api) : CustomerCrudTests(api), IClassFixture<PostgresApi>;
