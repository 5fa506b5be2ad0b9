using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V3.Customers;
using static CustomerApi.Tests.V3.FormFieldValues.FormFieldCalls;

namespace CustomerApi.Tests.V3.FormFieldValues;

/// <summary>
/// The deprecated <c>PUT /v3/customers/form-field-values</c>: values checked by their field's type, written all or none,
/// cleared by an empty value; and values going with the customer or address they belong to.
/// </summary>
public abstract class FormFieldValueUpsertTests(ApiFixture api)
{
    /// <summary>A store of every field type with customer 1 and its address 1.</summary>
    private async Task<TestStore> StoreWithOwnerAsync()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        (await store.NewCustomerAsync("one@example.com")).ShouldBe(1);
        (await store.CreateAddressAsync(1)).GetProperty("id").GetInt32().ShouldBe(1);
        return store;
    }

    [Fact]
    public async Task Good_values_of_every_type_are_answered_in_request_order_and_listed_as_their_type_shows_them()
    {
        var store = await StoreWithOwnerAsync();
        var rep = new string('s', 255);
        var bio = string.Join('\n', Enumerable.Repeat(new string('b', 99), 40)) + "b"; // 4000 characters

        var answered = await store.UpsertAsync(
            OfCustomer(1, "sales REP", rep),
            OfCustomer(1, "Bio", bio),
            OfCustomer(1, "EMPLOYEES", " -7 "),
            OfCustomer(1, "Birthday", "2024-02-29"),
            OfCustomer(1, "Interests", Chosen("film", "BOOKS")),
            OfCustomer(1, "Contact by", "EMAIL"),
            OfCustomer(1, "Shirt size", " large "),
            OfCustomer(1, "PIN", "1234"),
            OfCustomer(1, "Licence", "L-1"),
            OfAddress(1, "gate code", 4.25),
            OfAddress(1, "Delivery notes", "Ring twice"),
            OfAddress(1, "Leave at door", Chosen("yes")));

        string[] expected =
        [
            $$"""{"customer_id":1,"name":"Sales Rep","value":"{{rep}}"}""",
            $$"""{"customer_id":1,"name":"Bio","value":{{JsonSerializer.Serialize(bio)}}}""",
            """{"customer_id":1,"name":"Employees","value":-7}""",
            """{"customer_id":1,"name":"Birthday","value":"2024-02-29"}""",
            """{"customer_id":1,"name":"Interests","value":["Film","Books"]}""",
            """{"customer_id":1,"name":"Contact by","value":"Email"}""",
            """{"customer_id":1,"name":"Shirt size","value":"Large"}""",
            """{"customer_id":1,"name":"PIN","value":""}""",
            """{"customer_id":1,"name":"Licence","value":"L-1"}""",
            """{"address_id":1,"name":"Gate code","value":4.25}""",
            """{"address_id":1,"name":"Delivery notes","value":"Ring twice"}""",
            """{"address_id":1,"name":"Leave at door","value":["Yes"]}""",
        ];
        answered.ShouldBe(expected);
        (await store.ValuesAsync()).Raw().ShouldBe(expected);
    }

    [Fact]
    public async Task Writing_a_value_again_changes_it_in_its_place()
    {
        var store = await StoreWithOwnerAsync();
        await store.UpsertAsync(OfCustomer(1, "Sales Rep", "Ann"), OfCustomer(1, "Employees", 3), OfAddress(1, "Gate code", 1));

        var answered = await store.UpsertAsync(OfCustomer(1, "Employees", "30"), OfCustomer(1, "sales rep", "Bob"));

        answered.ShouldBe(["""{"customer_id":1,"name":"Employees","value":30}""", """{"customer_id":1,"name":"Sales Rep","value":"Bob"}"""]);
        (await store.ValuesAsync()).Raw().ShouldBe(
        [
            """{"customer_id":1,"name":"Sales Rep","value":"Bob"}""",
            """{"customer_id":1,"name":"Employees","value":30}""",
            """{"address_id":1,"name":"Gate code","value":1}""",
        ]);
    }

    [Fact]
    public async Task Text_comes_back_exactly_as_sent_whatever_its_characters()
    {
        var store = await StoreWithOwnerAsync();
        const string Odd = "Café \"quoted\" back\\slash\ttab\0nul ☕ 😀 <b>&amp;</b>";

        var answered = await store.UpsertAsync(OfCustomer(1, "Sales Rep", Odd), OfCustomer(1, "Bio", Odd + "\r\n" + Odd));

        answered.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("value").GetString()).ShouldBe([Odd, Odd + "\r\n" + Odd]);
        (await store.ValuesAsync()).Data().Select(v => v.GetProperty("value").GetString()).ShouldBe([Odd, Odd + "\r\n" + Odd]);
        (await store.ValuesAsync("?field_name=caf%C3%A9")).Data().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_password_is_answered_and_listed_empty_and_never_kept_as_sent()
    {
        var store = await StoreWithOwnerAsync();

        (await store.UpsertAsync(OfCustomer(1, "PIN", "s3cret-pin"))).ShouldBe(["""{"customer_id":1,"name":"PIN","value":""}"""]);

        (await store.ValuesAsync("?field_type=password")).Raw().ShouldBe(["""{"customer_id":1,"name":"PIN","value":""}"""]);
        var included = await store.V3CustomerAsync(1, "formfields");
        included.GetProperty("form_fields").Pairs().ShouldContain(("PIN", "\"\""));
        (await store.V3.GetStringAsync("customers?include=formfields,addresses")).ShouldNotContain("s3cret-pin");
    }

    /// <summary>The bad values of each field of <see cref="FormFieldCalls.EveryType"/>, as raw JSON.</summary>
    public static TheoryData<string, string> BadValues => new()
    {
        { "Sales Rep", JsonSerializer.Serialize(new string('x', 256)) },
        { "Sales Rep", "42" },
        { "Sales Rep", """["Ann"]""" },
        { "Bio", JsonSerializer.Serialize(new string('x', 4001)) },
        { "Employees", "\"twelve\"" },
        { "Employees", "\"1e3\"" },
        { "Employees", "\"1,000\"" },
        { "Employees", "1e30" },
        { "Employees", """["1"]""" },
        { "Birthday", "\"2024-02-30\"" },
        { "Birthday", "\"14/05/2024\"" },
        { "Birthday", "\"2024-5-14\"" },
        { "Birthday", "\"2024-05-14T00:00:00Z\"" },
        { "Birthday", "20240514" },
        { "Interests", "\"Books\"" },
        { "Interests", """["Books","books"]""" },
        { "Interests", """["Poetry"]""" },
        { "Interests", """["Books",""]""" },
        { "Contact by", "\"Fax\"" },
        { "Contact by", """["Email"]""" },
        { "Shirt size", "\"XL\"" },
        { "Shirt size", "1" },
        { "PIN", JsonSerializer.Serialize(new string('x', 256)) },
        { "Licence", "7" },
        { "Gate code", "\"abc\"" },
        { "Leave at door", """["No"]""" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_value_its_field_does_not_take_is_422_naming_the_item_and_nothing_is_written(string name, string json)
    {
        var store = await StoreWithOwnerAsync();
        await store.UpsertAsync([.. GoodValues.Select(v => OfCustomer(1, v.Key, v.Value)), OfAddress(1, "Gate code", 5), OfAddress(1, "Leave at door", Chosen("Yes"))]);
        var before = await store.ValuesTextAsync();
        var owner = AddressFieldNames.Contains(name) ? "\"address_id\":1" : "\"customer_id\":1";
        var first = name == "Bio" ? "Sales Rep" : "Bio";

        var response = await store.V3.PutJsonAsync(Url, $$"""[{"customer_id":1,"name":"{{first}}","value":"changed"},{{{owner}},"name":"{{name}}","value":{{json}}}]""");

        await response.ShouldBeRefusedAsync(UpsertFailed, ("1.value", $"'{name}' takes…"));
        (await store.ValuesTextAsync()).ShouldBe(before);
    }

    public static TheoryData<string, string[]> Malformed => new()
    {
        { """[{"name":"Bio","value":"x"}]""", ["0.customer_id"] },
        { """[{"customer_id":1,"address_id":1,"name":"Bio","value":"x"}]""", ["0.address_id"] },
        { """[{"customer_id":0,"name":"Bio","value":"x"}]""", ["0.customer_id"] },
        { """[{"address_id":-1,"name":"Gate code","value":"1"}]""", ["0.address_id"] },
        { """[{"customer_id":1,"value":"x"}]""", ["0.name"] },
        { """[{"customer_id":1,"name":"Bio"}]""", ["0.value"] },
        { """[{"customer_id":1,"name":"Bio","value":null}]""", ["0.value"] },
        { """[{"customer_id":1,"name":"Bio","value":{"text":"x"}}]""", ["0.value"] },
        { """[{"customer_id":1,"name":"Bio","value":true}]""", ["0.value"] },
        { """[{"customer_id":1,"name":"Interests","value":["Books",1]}]""", ["0.value"] },
        { """[{"customer_id":1,"name":"Bio","value":"ok"},{"name":"Bio"}]""", ["1.customer_id", "1.value"] },
        { """[{"customer_id":1,"name":"Bio","value":"ok"},null]""", ["1"] },
        { "[]", ["body"] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_item_is_422_naming_item_and_key_and_nothing_is_written(string body, string[] keys)
    {
        var store = await StoreWithOwnerAsync();
        await store.UpsertAsync(OfCustomer(1, "Bio", "kept"));

        await (await store.V3.PutJsonAsync(Url, body)).ShouldBeInvalidBodyAsync(keys);

        (await store.ValuesAsync()).Raw().ShouldBe(["""{"customer_id":1,"name":"Bio","value":"kept"}"""]);
    }

    [Theory]
    [InlineData("""{"customer_id":1,"name":"Bio","value":"x"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""[{"customer_id":"1","name":"Bio","value":"x"}]""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""[{"customer_id":1,"name":"Bio","value":"x"}""", HttpStatusCode.BadRequest)]
    public async Task A_body_that_is_no_list_of_items_is_refused(string body, HttpStatusCode status)
    {
        var store = await StoreWithOwnerAsync();

        await (await store.V3.PutJsonAsync(Url, body)).ShouldBeV3ErrorAsync(status);

        (await store.ValuesAsync()).Data().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_value_clears_the_field_and_clearing_an_empty_field_is_fine()
    {
        var store = await StoreWithOwnerAsync();
        await store.UpsertAsync([.. GoodValues.Select(v => OfCustomer(1, v.Key, v.Value)), OfAddress(1, "Gate code", 5), OfAddress(1, "Leave at door", Chosen("Yes"))]);

        var answered = await store.UpsertAsync(
            OfCustomer(1, "Sales Rep", ""),
            OfCustomer(1, "Interests", Array.Empty<string>()),
            OfCustomer(1, "Employees", ""),
            OfCustomer(1, "Contact by", ""),
            OfCustomer(1, "PIN", ""),
            OfAddress(1, "Leave at door", ""),
            OfAddress(1, "Gate code", ""),
            OfAddress(1, "Delivery notes", ""));

        answered.ShouldBe(
        [
            """{"customer_id":1,"name":"Sales Rep","value":""}""",
            """{"customer_id":1,"name":"Interests","value":[]}""",
            """{"customer_id":1,"name":"Employees","value":""}""",
            """{"customer_id":1,"name":"Contact by","value":""}""",
            """{"customer_id":1,"name":"PIN","value":""}""",
            """{"address_id":1,"name":"Leave at door","value":[]}""",
            """{"address_id":1,"name":"Gate code","value":""}""",
            """{"address_id":1,"name":"Delivery notes","value":""}""",
        ]);
        (await store.ValuesAsync()).Labels().ShouldBe(["c1 Bio", "c1 Birthday", "c1 Shirt size", "c1 Licence"]);
        await store.UpsertAsync(OfCustomer(1, "Sales Rep", ""), OfCustomer(1, "Interests", Array.Empty<string>()));
        await store.UpsertAsync(OfCustomer(1, "Sales Rep", "Back"));
        (await store.ValuesAsync()).Labels().ShouldBe(["c1 Bio", "c1 Birthday", "c1 Shirt size", "c1 Licence", "c1 Sales Rep"]);
        (await store.V3CustomerAsync(1, "formfields")).GetProperty("form_fields").Pairs()
            .ShouldContain(("Interests", "[]"));
    }

    [Fact]
    public async Task A_required_field_may_be_changed_but_not_emptied()
    {
        var store = await StoreWithOwnerAsync();
        await store.NewCustomerAsync("two@example.com");
        await store.UpsertAsync(OfCustomer(1, "Licence", "L-1"));
        const string Reason = "'Licence' is required: it may be changed but not emptied.";

        await (await store.PutValuesAsync(OfCustomer(1, "Bio", "x"), OfCustomer(1, "Licence", ""))).ShouldBeRefusedAsync(UpsertFailed, ("1.value", Reason));
        await (await store.PutValuesAsync(OfCustomer(1, "licence", Array.Empty<string>()))).ShouldBeRefusedAsync(UpsertFailed, ("0.value", Reason));
        await (await store.PutValuesAsync(OfCustomer(2, "Licence", ""))).ShouldBeRefusedAsync(UpsertFailed, ("0.value", Reason));
        (await store.ValuesAsync()).Raw().ShouldBe(["""{"customer_id":1,"name":"Licence","value":"L-1"}"""]);

        await store.UpsertAsync(OfCustomer(1, "Licence", "L-2"));
        (await store.ValuesAsync()).Raw().ShouldBe(["""{"customer_id":1,"name":"Licence","value":"L-2"}"""]);
    }

    [Fact]
    public async Task One_owners_field_given_twice_is_422_on_the_second_and_nothing_is_written()
    {
        var store = await StoreWithOwnerAsync();
        await store.NewCustomerAsync("two@example.com");

        await (await store.PutValuesAsync(OfCustomer(1, "Bio", "a"), OfCustomer(2, "Bio", "b"), OfCustomer(1, " BIO ", "c")))
            .ShouldBeRefusedAsync(UpsertFailed, ("2.name", "The form field 'Bio' is given more than once for one customer."));
        await (await store.PutValuesAsync(OfAddress(1, "Gate code", 1), OfAddress(1, "gate code", 1)))
            .ShouldBeRefusedAsync(UpsertFailed, ("1.name", "The form field 'Gate code' is given more than once for one address."));
        (await store.ValuesAsync()).Data().ShouldBeEmpty();

        await store.UpsertAsync(OfCustomer(1, "Bio", "a"), OfCustomer(2, "Bio", "b"), OfAddress(1, "Gate code", 1));
        (await store.ValuesAsync()).Labels().ShouldBe(["c1 Bio", "c2 Bio", "a1 Gate code"]);
    }

    [Fact]
    public async Task A_field_the_store_does_not_define_for_that_owner_is_422_naming_the_item()
    {
        var store = await StoreWithOwnerAsync();
        var bare = await api.NewStoreAsync();
        await bare.NewCustomerAsync();

        await (await store.PutValuesAsync(OfCustomer(1, "Bio", "x"), OfCustomer(1, "Nickname", "x")))
            .ShouldBeRefusedAsync(UpsertFailed, ("1.name", "This store defines no customer form field named 'Nickname'."));
        await (await store.PutValuesAsync(OfCustomer(1, "Gate code", "1"), OfAddress(1, "Bio", "x")))
            .ShouldBeRefusedAsync(UpsertFailed,
                ("0.name", "This store defines no customer form field named 'Gate code'."), ("1.name", "This store defines no address form field named 'Bio'."));
        await (await bare.PutValuesAsync(OfCustomer(1, "Bio", "x"))).ShouldBeRefusedAsync(UpsertFailed, ("0.name", "This store defines no customer form field named 'Bio'."));

        (await store.ValuesAsync()).Data().ShouldBeEmpty();
        (await bare.ValuesAsync()).Data().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_customer_or_address_is_422_naming_the_item_and_nothing_is_written()
    {
        var store = await StoreWithOwnerAsync();

        await (await store.PutValuesAsync(OfCustomer(1, "Bio", "x"), OfCustomer(99, "Bio", "x"), OfAddress(1, "Gate code", 1), OfAddress(98, "Gate code", 1)))
            .ShouldBeRefusedAsync(UpsertFailed, ("1.customer_id", "Customer 99 does not exist."), ("3.address_id", "Customer address 98 does not exist."));

        (await store.ValuesAsync()).Data().ShouldBeEmpty();
    }

    [Fact]
    public async Task Fifty_values_are_written_in_one_call_and_fifty_one_are_413_writing_nothing()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        foreach (var i in Enumerable.Range(1, 6))
        {
            (await store.NewCustomerAsync($"c{i}@example.com")).ShouldBe(i);
        }

        var items = Enumerable.Range(1, 6).SelectMany(id => CustomerFieldNames.Select(name => OfCustomer(id, name, GoodValues[name]))).Take(51).ToArray();

        var tooMany = await (await store.PutValuesAsync(items)).ShouldBeV3ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        tooMany.Errors().ShouldBeEmpty();
        (await store.ValuesAsync()).Data().ShouldBeEmpty();

        (await store.UpsertAsync(items[..50])).Length.ShouldBe(50);
        var listed = await store.ValuesAsync("?limit=250");
        listed.Pagination().GetProperty("total").GetInt32().ShouldBe(50);
        listed.Labels()[^1].ShouldBe("c6 Interests");
    }

    [Fact]
    public async Task Upserts_racing_the_delete_of_their_customer_answer_200_or_422_and_leave_no_value_of_it()
    {
        const int Rounds = 4;
        const int Writers = 10;
        var store = await api.NewStoreWithEveryTypeAsync();
        var stays = await store.NewCustomerAsync("stays@example.com");
        await store.UpsertAsync(OfCustomer(stays, "Sales Rep", "start"));
        var current = "start";
        var statuses = new List<int>();

        for (var round = 0; round < Rounds; round++)
        {
            var doomed = await store.NewCustomerAsync($"doomed{round}@example.com");
            var address = (await store.CreateAddressAsync(doomed)).GetProperty("id").GetInt32();
            await store.UpsertAsync(OfCustomer(doomed, "Bio", "before"), OfAddress(address, "Gate code", 0));
            var holdBack = TimeSpan.FromMilliseconds(round % 4);

            var writes = Enumerable.Range(0, Writers).Select(i => Task.Run(() => store.PutValuesAsync(
                OfCustomer(doomed, "Sales Rep", $"r{round}.{i}"),
                OfCustomer(doomed, "Bio", $"r{round}.{i}"),
                OfCustomer(doomed, "Interests", Chosen("Film")),
                OfAddress(address, "Gate code", i),
                OfCustomer(stays, "Sales Rep", $"r{round}.{i}")))).ToArray();
            var deleting = Task.Run(async () =>
            {
                await Task.Delay(holdBack);
                return await store.V3.DeleteAsync($"customers?id:in={doomed}");
            });
            var answers = await Task.WhenAll(writes);
            var deleted = await deleting;

            statuses.Add((int)deleted.StatusCode);
            ((int)deleted.StatusCode).ShouldBeOneOf([204, 404], await deleted.Content.ReadAsStringAsync());
            var written = new List<string>();
            for (var i = 0; i < Writers; i++)
            {
                statuses.Add((int)answers[i].StatusCode);
                ((int)answers[i].StatusCode).ShouldBeOneOf([200, 409, 422], await answers[i].Content.ReadAsStringAsync());
                if (answers[i].StatusCode == HttpStatusCode.OK)
                {
                    written.Add($"r{round}.{i}");
                }
                else if (answers[i].StatusCode == HttpStatusCode.UnprocessableEntity)
                {
                    var missing = $"Customer {doomed} does not exist.";
                    await answers[i].ShouldBeRefusedAsync(UpsertFailed,
                        ("0.customer_id", missing), ("1.customer_id", missing), ("2.customer_id", missing), ("3.address_id", $"Customer address {address} does not exist."));
                }
                else
                {
                    await answers[i].ShouldBeV3ErrorAsync(HttpStatusCode.Conflict);
                }
            }

            (await store.ValuesAsync($"?customer_id={doomed}")).Data().ShouldBeEmpty();
            (await store.ValuesAsync($"?address_id={address}")).Data().ShouldBeEmpty();
            var kept = (await store.ValuesAsync($"?customer_id={stays}")).Data().ShouldHaveSingleItem().GetProperty("value").GetString()!;
            if (written.Count == 0)
            {
                kept.ShouldBe(current);
            }
            else
            {
                kept.ShouldBeOneOf([.. written]);
            }

            current = kept;
        }

        statuses.ShouldAllBe(s => s < 500);
        (await store.ValuesAsync()).Labels().ShouldBe(["c1 Sales Rep"]);
    }

    [Fact]
    public async Task Deleting_a_customer_or_an_address_by_V2_or_V3_deletes_its_values_and_those_of_the_customers_addresses()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.NewCustomerAsync("one@example.com");
        await store.NewCustomerAsync("two@example.com");
        await store.CreateAddressAsync(1);
        await store.CreateAddressAsync(2);
        await store.CreateAddressAsync(2);
        await store.UpsertAsync(
            OfCustomer(1, "Sales Rep", "Ann"), OfAddress(1, "Gate code", 1), OfCustomer(2, "Sales Rep", "Bob"), OfAddress(2, "Gate code", 2),
            OfAddress(3, "Gate code", 3), OfCustomer(1, "Bio", "Hi"));

        (await store.V3.DeleteAsync("customers/addresses?id:in=2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.ValuesAsync()).Labels().ShouldBe(["c1 Sales Rep", "a1 Gate code", "c2 Sales Rep", "a3 Gate code", "c1 Bio"]);

        (await store.V2.DeleteAsync("customers/1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.ValuesAsync()).Labels().ShouldBe(["c2 Sales Rep", "a3 Gate code"]);
        (await store.V2.DeleteAsync("customers/2/addresses/3")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.ValuesAsync()).Labels().ShouldBe(["c2 Sales Rep"]);

        await (await store.PutValuesAsync(OfCustomer(1, "Bio", "again"), OfAddress(2, "Gate code", 2)))
            .ShouldBeRefusedAsync(UpsertFailed, ("0.customer_id", "Customer 1 does not exist."), ("1.address_id", "Customer address 2 does not exist."));
        (await store.ValuesAsync()).Labels().ShouldBe(["c2 Sales Rep"]);
    }
}

public sealed class FormFieldValueUpsertTests_Sqlite(SqliteApi api) : FormFieldValueUpsertTests(api), IClassFixture<SqliteApi>;

public sealed class FormFieldValueUpsertTests_Postgres(PostgresApi api) : FormFieldValueUpsertTests(api), IClassFixture<PostgresApi>;
