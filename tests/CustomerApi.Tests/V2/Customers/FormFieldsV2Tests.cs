using System.Net;
using System.Text.Json;
using CustomerApi.Bootstrap;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.Customers;
using CustomerApi.Tests.V3.FormFieldValues;
using static CustomerApi.Tests.V3.FormFieldValues.FormFieldCalls;
using static CustomerApi.Tests.V3.FormFieldValues.FormFieldWriteCalls;

namespace CustomerApi.Tests.V2.Customers;

/// <summary>
/// V2's <c>form_fields</c>: null while the store defines no customer form field, else every customer field in definition
/// order with the customer's value as text, whichever API set it; V2 writes cannot set them.
/// </summary>
public abstract class FormFieldsV2Tests(ApiFixture api)
{
    /// <summary>Every customer field of <see cref="FormFieldCalls.EveryType"/> as V2 lists it: the <paramref name="set"/> ones' text, the others "".</summary>
    private static (string Name, string? Value)[] V2Fields(params (string Name, string Text)[] set) =>
        [.. CustomerFieldNames.Select(n => (n, (string?)(set.Where(s => s.Name == n).Select(s => s.Text).FirstOrDefault() ?? "")))];

    /// <summary>A V2 customer's <c>form_fields</c>, each checked to be exactly <c>{"name", "value"}</c>.</summary>
    private static (string Name, string? Value)[] FormFieldsOf(JsonElement customer)
    {
        var fields = customer.GetProperty("form_fields");
        fields.ValueKind.ShouldBe(JsonValueKind.Array, $"form_fields of {customer}");
        foreach (var field in fields.EnumerateArray())
        {
            field.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "value"], $"a form field of {customer}");
        }

        return [.. fields.EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("value").GetString()))];
    }

    private static async Task<JsonElement> V2CustomerAsync(TestStore store, int id) =>
        await (await store.V2.GetAsync($"customers/{id}")).ShouldBeAsync(HttpStatusCode.OK);

    private static async Task<JsonElement[]> V2ListAsync(TestStore store) =>
        [.. (await (await store.V2.GetAsync("customers")).ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray()];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_store_without_customer_fields_answers_form_fields_null_everywhere(bool withAddressFields)
    {
        var store = withAddressFields
            ? await api.NewStoreWithFormFieldsAsync(new FormFieldSeed { Name = "Gate code", Type = "numbers", For = "address" })
            : await api.NewStoreAsync();

        var created = await store.CreateCustomerAsync("ann@example.com");
        var updated = await (await store.V2.PutJsonAsync("customers/1", new { company = "Acme" })).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var customer in new[] { created, updated, await V2CustomerAsync(store, 1), (await V2ListAsync(store)).ShouldHaveSingleItem() })
        {
            customer.GetProperty("form_fields").ValueKind.ShouldBe(JsonValueKind.Null, customer.ToString());
        }
    }

    [Fact]
    public async Task Every_customer_field_is_listed_empty_for_a_customer_with_no_values()
    {
        var store = await api.NewStoreWithEveryTypeAsync();

        var created = await store.CreateCustomerAsync("ann@example.com");
        await store.CreateCustomerAsync("bob@example.com");

        FormFieldsOf(created).ShouldBe(V2Fields());
        FormFieldsOf(await V2CustomerAsync(store, 1)).ShouldBe(V2Fields());
        foreach (var customer in await V2ListAsync(store))
        {
            FormFieldsOf(customer).ShouldBe(V2Fields());
        }
    }

    [Fact]
    public async Task A_V2_created_customer_gets_values_through_V3_and_V2_shows_them_as_text()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateCustomerAsync("ann@example.com");
        await store.CreateCustomerAsync("bob@example.com");

        await store.UpdateV3Async(new
        {
            id = 1,
            form_fields = Fields(("Sales Rep", "Ann Smith"), ("Bio", "Likes tea"), ("Employees", "42"), ("Birthday", "1990-05-14"),
                ("Interests", Options("Books", "Film")), ("Contact by", "phone"), ("Shirt size", "Large"), ("PIN", "s3cret"), ("Licence", "L-1")),
        });

        var expected = V2Fields(("Sales Rep", "Ann Smith"), ("Bio", "Likes tea"), ("Employees", "42"), ("Birthday", "1990-05-14"),
            ("Interests", "Books,Film"), ("Contact by", "Phone"), ("Shirt size", "Large"), ("Licence", "L-1"));
        FormFieldsOf(await V2CustomerAsync(store, 1)).ShouldBe(expected);
        var listed = await V2ListAsync(store);
        FormFieldsOf(listed[0]).ShouldBe(expected);
        FormFieldsOf(listed[1]).ShouldBe(V2Fields());
        (await (await store.V2.GetAsync("customers?limit=250")).Content.ReadAsStringAsync()).ShouldNotContain("s3cret");
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("\"0.25\"", "0.25")]
    [InlineData("1e3", "1000")]
    public async Task A_number_is_shown_as_its_digits(string sent, string shown)
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateCustomerAsync("ann@example.com");

        await store.UpdateV3Async(new { id = 1, form_fields = Fields(("Employees", Raw(sent))) });

        FormFieldsOf(await V2CustomerAsync(store, 1)).ShouldBe(V2Fields(("Employees", shown)));
    }

    [Fact]
    public async Task A_V2_update_answers_the_values_and_ignores_form_fields_sent_back_with_the_customer()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateCustomerAsync("ann@example.com");
        await store.UpdateV3Async(new { id = 1, form_fields = Fields(("Sales Rep", "Ann"), ("Interests", Options("Music"))) });
        var expected = V2Fields(("Sales Rep", "Ann"), ("Interests", "Music"));

        var updated = await (await store.V2.PutJsonAsync("customers/1", new
        {
            company = "Acme", form_fields = new[] { new { name = "Sales Rep", value = "Changed" }, new { name = "Licence", value = "L-9" } },
        })).ShouldBeAsync(HttpStatusCode.OK);

        updated.GetProperty("company").GetString().ShouldBe("Acme");
        FormFieldsOf(updated).ShouldBe(expected);
        FormFieldsOf(await V2CustomerAsync(store, 1)).ShouldBe(expected);
        (await store.StoredAsync()).ShouldBe(["customer 1: Sales Rep = \"Ann\"", "customer 1: Interests = [\"Music\"]"]);
    }

    [Fact]
    public async Task Cleared_values_show_empty_in_V2()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateCustomerAsync("ann@example.com");
        await store.UpdateV3Async(new { id = 1, form_fields = Fields(("Sales Rep", "Ann"), ("Interests", Options("Music")), ("Employees", 5)) });

        await store.UpdateV3Async(new { id = 1, form_fields = Fields(("Sales Rep", ""), ("Interests", Options()), ("Employees", "")) });

        FormFieldsOf(await V2CustomerAsync(store, 1)).ShouldBe(V2Fields());
    }

    [Fact]
    public async Task A_V2_delete_of_one_customer_removes_only_its_values()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateCustomerAsync("ann@example.com");
        await store.CreateCustomerAsync("bob@example.com");
        await store.UpdateV3Async(new { id = 1, form_fields = Fields(("Sales Rep", "Ann")) }, new { id = 2, form_fields = Fields(("Sales Rep", "Bob")) });

        (await store.V2.DeleteAsync("customers/1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.StoredAsync()).ShouldBe(["customer 2: Sales Rep = \"Bob\""]);
        FormFieldsOf(await V2CustomerAsync(store, 2)).ShouldBe(V2Fields(("Sales Rep", "Bob")));
    }
}

public sealed class FormFieldsV2Tests_Sqlite(SqliteApi api) : FormFieldsV2Tests(api), IClassFixture<SqliteApi>;

public sealed class FormFieldsV2Tests_Postgres(PostgresApi api) : FormFieldsV2Tests(api), IClassFixture<PostgresApi>;
