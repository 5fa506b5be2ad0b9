using System.Net;
using CustomerApi.Bootstrap;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.Customers;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;
using static CustomerApi.Tests.V3.FormFieldValues.FormFieldCalls;
using static CustomerApi.Tests.V3.FormFieldValues.FormFieldWriteCalls;

namespace CustomerApi.Tests.V3.FormFieldValues;

/// <summary>
/// <c>form_fields</c> on V3 customer and address writes, and <c>include=formfields</c>: values checked by the field's
/// type, all or none, answered with every field the store defines, kept per store and removed with their owner.
/// </summary>
public abstract class FormFieldWriteTests(ApiFixture api)
{
    private static readonly string LongBio = new('b', 4000);

    /// <summary>A good value of every customer field, and how V3 answers each.</summary>
    private static readonly (string Name, object Value, string Answered)[] EveryValue =
    [
        ("Sales Rep", "Ann Smith", "\"Ann Smith\""),
        ("Bio", LongBio, $"\"{LongBio}\""),
        ("Employees", 42, "42"),
        ("Birthday", "1990-05-14", "\"1990-05-14\""),
        ("Interests", Options("Books", "Film"), """["Books","Film"]"""),
        ("Contact by", "Phone", "\"Phone\""),
        ("Shirt size", "Large", "\"Large\""),
        ("PIN", "s3cret", "\"\""),
        ("Licence", "L-1", "\"L-1\""),
    ];

    private static object[] EveryField() => Fields([.. EveryValue.Select(v => (v.Name, v.Value))]);

    /// <summary>Customers 1 (Ann) and 2 (Bob) with no form field values, in a store with a field of every type.</summary>
    private async Task<TestStore> StoreWithTwoCustomersAsync()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateV3Async(Customer("ann@example.com"), Customer("bob@example.com"));
        return store;
    }

    [Fact]
    public async Task A_created_customer_is_answered_with_every_customer_field_and_its_values_are_kept()
    {
        var store = await api.NewStoreWithEveryTypeAsync();

        var created = (await store.CreateV3Async(Customer("ann@example.com", new { form_fields = EveryField() }))).ShouldHaveSingleItem();

        var expected = CustomerFields([.. EveryValue.Select(v => (v.Name, v.Answered))]);
        created.CustomerFormFields().ShouldBe(expected);
        (await store.V3CustomerAsync(1, "formfields")).CustomerFormFields().ShouldBe(expected);
        (await store.StoredAsync()).Length.ShouldBe(EveryValue.Length, "a password is stored too");
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("\"42\"", "42")]
    [InlineData("\" 7 \"", "7")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("\"-0.25\"", "-0.25")]
    [InlineData("1e3", "1000")]
    [InlineData("0", "0")]
    public async Task A_numbers_field_takes_a_number_or_numeric_text_and_answers_a_JSON_number(string sent, string answered)
    {
        var store = await StoreWithTwoCustomersAsync();

        var updated = (await store.UpdateV3Async(new { id = 1, form_fields = Fields(("Employees", Raw(sent))) })).ShouldHaveSingleItem();

        updated.CustomerFormFields().ShouldBe(CustomerFields(("Employees", answered)));
        (await store.StoredAsync()).ShouldBe([$"customer 1: Employees = {answered}"]);
    }

    [Theory]
    [InlineData("Sales Rep", "5")]
    [InlineData("Sales Rep", """["a"]""")]
    [InlineData("Bio", "7")]
    [InlineData("Employees", "\"forty\"")]
    [InlineData("Employees", "\"1e3\"")]
    [InlineData("Employees", "\"1,000\"")]
    [InlineData("Employees", """["1"]""")]
    [InlineData("Birthday", "\"14/05/1990\"")]
    [InlineData("Birthday", "\"1990-02-30\"")]
    [InlineData("Birthday", "\"1990-5-14\"")]
    [InlineData("Birthday", "\"1990-05-14T00:00:00Z\"")]
    [InlineData("Birthday", "19900514")]
    [InlineData("Interests", "\"Books\"")]
    [InlineData("Interests", """["Books","books"]""")]
    [InlineData("Interests", """["Comics"]""")]
    [InlineData("Interests", """["Books",""]""")]
    [InlineData("Contact by", "\"Fax\"")]
    [InlineData("Contact by", """["Email"]""")]
    [InlineData("Shirt size", "\"XL\"")]
    [InlineData("Shirt size", "3")]
    [InlineData("PIN", "1234")]
    [InlineData("Licence", "5")]
    [InlineData("Licence", "\"\"")]
    [InlineData("Licence", "[]")]
    public async Task A_value_its_field_does_not_take_is_422_naming_item_and_field_and_nothing_is_written(string field, string value)
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        var good = field == "Bio" ? ("Sales Rep", (object)"Ann") : ("Bio", "Hello");

        var response = await store.PostCustomersAsync(
            Customer("ann@example.com", new { form_fields = Fields(good) }),
            Customer("bob@example.com", new { form_fields = Fields(good, (field, Raw(value))) }));

        await response.ShouldBeRefusedAsync(CreateFailed, ("1.form_fields.1.value", $"'{field}' …"));
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        (await store.StoredAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Sales Rep", 255)]
    [InlineData("Bio", 4000)]
    [InlineData("PIN", 255)]
    [InlineData("Licence", 255)]
    public async Task Text_may_be_as_long_as_its_type_allows_and_no_longer(string field, int length)
    {
        var store = await StoreWithTwoCustomersAsync();
        var longest = new string('x', length);

        await store.UpdateV3Async(new { id = 1, form_fields = Fields((field, longest)) });
        var response = await store.PutCustomersAsync(new { id = 2, form_fields = Fields((field, longest + "x")) });

        await response.ShouldBeRefusedAsync(UpdateFailed, ("0.form_fields.0.value", $"'{field}' takes text of at most {length} characters."));
        (await store.StoredAsync()).ShouldBe([$"customer 1: {field} = {(field == "PIN" ? "\"\"" : $"\"{longest}\"")}"]);
    }

    [Fact]
    public async Task An_unknown_name_another_owners_field_or_a_field_given_twice_is_422_on_the_name()
    {
        var store = await api.NewStoreWithEveryTypeAsync();

        var response = await store.PostCustomersAsync(
            Customer("a@example.com", new { form_fields = Fields(("Sales Rep", "Ann"), ("Nickname", "Annie")) }),
            Customer("b@example.com", new { form_fields = Fields(("Gate code", 1)) }),
            Customer("c@example.com", new { form_fields = Fields(("PIN", "1"), ("pin", "2")) }),
            Customer("d@example.com", new { form_fields = Fields(("Sales Rep", "Dee")) }));

        await response.ShouldBeRefusedAsync(CreateFailed,
            ("0.form_fields.1.name", "This store defines no customer form field named 'Nickname'."),
            ("1.form_fields.0.name", "This store defines no customer form field named 'Gate code'."),
            ("2.form_fields.1.name", "The form field 'PIN' is given more than once."));
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        (await store.StoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_named_field_is_422_in_a_store_that_defines_none_though_another_store_does()
    {
        await api.NewStoreWithEveryTypeAsync();
        var store = await api.NewStoreAsync();

        var response = await store.PostCustomersAsync(Customer("a@example.com", new { form_fields = Fields(("Sales Rep", "Ann")) }));

        await response.ShouldBeRefusedAsync(CreateFailed, ("0.form_fields.0.name", "This store defines no customer form field named 'Sales Rep'."));
        var created = (await store.CreateV3Async(Customer("a@example.com", new { form_fields = Array.Empty<object>() }))).ShouldHaveSingleItem();
        created.GetProperty("form_fields").GetRawText().ShouldBe("[]");
        (await store.V3CustomerAsync(1, "addresses,formfields")).GetProperty("form_fields").GetRawText().ShouldBe("[]");
    }

    [Fact]
    public async Task Names_and_options_match_ignoring_case_and_are_answered_as_the_store_spells_them()
    {
        var store = await api.NewStoreWithEveryTypeAsync();

        var created = (await store.CreateV3Async(Customer("ann@example.com", new
        {
            form_fields = Fields((" sales REP ", "Ann"), ("INTERESTS", Options("film", "BOOKS")), ("contact by", "phone"), ("Shirt Size", " large ")),
        }))).ShouldHaveSingleItem();

        var expected = CustomerFields(("Sales Rep", "\"Ann\""), ("Interests", """["Film","Books"]"""), ("Contact by", "\"Phone\""), ("Shirt size", "\"Large\""));
        created.CustomerFormFields().ShouldBe(expected);
        (await store.V3CustomerAsync(1, "formfields")).CustomerFormFields().ShouldBe(expected);
    }

    [Fact]
    public async Task An_empty_value_clears_a_field_and_an_item_without_form_fields_changes_none()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateV3Async(Customer("ann@example.com", new
        {
            form_fields = Fields(("Sales Rep", "Ann"), ("Employees", 3), ("Interests", Options("Music")), ("Shirt size", "Small"), ("Licence", "L-1")),
        }));

        var untouched = (await store.UpdateV3Async(new { id = 1, company = "Acme" })).ShouldHaveSingleItem();
        var cleared = (await store.UpdateV3Async(new
        {
            id = 1, form_fields = Fields(("Sales Rep", ""), ("Employees", ""), ("Interests", Array.Empty<string>()), ("Bio", ""), ("Shirt size", Array.Empty<string>())),
        })).ShouldHaveSingleItem();

        untouched.HasFormFields().ShouldBeFalse();
        cleared.CustomerFormFields().ShouldBe(CustomerFields(("Licence", "\"L-1\"")));
        (await store.StoredAsync()).ShouldBe(["customer 1: Licence = \"L-1\""]);
    }

    [Fact]
    public async Task A_required_field_may_be_left_out_or_changed_but_not_emptied()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateV3Async(Customer("ann@example.com"), Customer("bob@example.com", new { form_fields = Fields(("licence", "L-1")) }));

        var emptied = await store.PutCustomersAsync(new { id = 2, form_fields = Fields(("Licence", "")) });
        await emptied.ShouldBeRefusedAsync(UpdateFailed, ("0.form_fields.0.value", "'Licence' is required: it may be changed but not emptied."));
        var emptyAtCreation = await store.PostCustomersAsync(Customer("cat@example.com", new { form_fields = Fields(("Licence", "")) }));
        await emptyAtCreation.ShouldBeRefusedAsync(CreateFailed, ("0.form_fields.0.value", "'Licence' is required: it may be changed but not emptied."));

        (await store.StoredAsync()).ShouldBe(["customer 2: Licence = \"L-1\""]);
        (await store.UpdateV3Async(new { id = 2, form_fields = Fields(("Licence", "L-2")) })).ShouldHaveSingleItem()
            .CustomerFormFields().ShouldBe(CustomerFields(("Licence", "\"L-2\"")));
    }

    [Fact]
    public async Task A_password_is_stored_hashed_and_answered_empty_everywhere()
    {
        var store = await api.NewStoreWithEveryTypeAsync();

        var created = (await store.CreateV3Async(Customer("ann@example.com", new { form_fields = Fields(("PIN", "s3cret")) }))).ShouldHaveSingleItem();
        var updated = (await store.UpdateV3Async(new { id = 1, form_fields = Fields(("PIN", "n3w-s3cret")) })).ShouldHaveSingleItem();

        created.CustomerFormFields().ShouldBe(CustomerFields());
        updated.CustomerFormFields().ShouldBe(CustomerFields());
        (await store.V3CustomerAsync(1, "formfields")).CustomerFormFields().ShouldBe(CustomerFields());
        (await store.StoredAsync()).ShouldBe(["customer 1: PIN = \"\""]);
        (await store.StoredAsync("&field_name=PIN")).ShouldBe(["customer 1: PIN = \"\""]);
        var v2 = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        v2.GetProperty("form_fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "PIN").GetProperty("value").GetString().ShouldBe("");
        var stored = (await store.StoredJsonAsync("PIN")).ShouldHaveSingleItem();
        stored.ShouldNotContain("s3cret");
        stored.Length.ShouldBeGreaterThan(20, "a hash");
        foreach (var text in new[] { created.GetRawText(), updated.GetRawText(), v2.GetRawText() })
        {
            text.ShouldNotContain("s3cret");
        }

        await store.UpdateV3Async(new { id = 1, form_fields = Fields(("PIN", "")) });
        (await store.StoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_batch_update_with_one_bad_item_writes_no_value_of_any()
    {
        var store = await StoreWithTwoCustomersAsync();
        await store.UpdateV3Async(new { id = 1, form_fields = Fields(("Sales Rep", "Ann")) });
        var before = await store.FormFieldStateAsync();

        var badValue = await store.PutCustomersAsync(
            new { id = 1, form_fields = Fields(("Sales Rep", "Changed")) }, new { id = 2, form_fields = Fields(("Employees", "many")) });
        var unknownCustomer = await store.PutCustomersAsync(
            new { id = 1, form_fields = Fields(("Sales Rep", "Changed")) }, new { id = 99, form_fields = Fields(("Sales Rep", "Nobody")) });

        await badValue.ShouldBeRefusedAsync(UpdateFailed, ("1.form_fields.0.value", "'Employees' takes a number."));
        await unknownCustomer.ShouldBeRefusedAsync(UpdateFailed, ("1.id", "Customer 99 does not exist."));
        (await store.FormFieldStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Addresses_given_with_a_customer_take_address_fields_and_those_sent_form_fields_are_answered_with_every_address_field()
    {
        var store = await api.NewStoreWithEveryTypeAsync();

        var created = (await store.CreateV3Async(Customer("ann@example.com", new
        {
            addresses = new[]
            {
                Address("Austin", extra: new { form_fields = Fields(("delivery NOTES", "Ring twice"), ("Gate code", "0042"), ("Leave at door", Options("yes"))) }),
                Address("Dallas"),
                Address("Houston", extra: new { form_fields = Array.Empty<object>() }),
            },
        }))).ShouldHaveSingleItem();

        created.HasFormFields().ShouldBeFalse();
        var addresses = created.GetProperty("addresses").EnumerateArray().ToArray();
        addresses.Select(a => a.GetProperty("id").GetInt32()).ShouldBe([1, 2, 3]);
        var expected = AddressFields(("Delivery notes", "\"Ring twice\""), ("Gate code", "42"), ("Leave at door", """["Yes"]"""));
        addresses[0].AddressFormFields().ShouldBe(expected);
        addresses[1].HasFormFields().ShouldBeFalse();
        addresses[2].AddressFormFields().ShouldBe(AddressFields());

        var listed = await store.V3CustomerAsync(1, "addresses,formfields");
        listed.CustomerFormFields().ShouldBe(CustomerFields());
        var listedAddresses = listed.GetProperty("addresses").EnumerateArray().ToArray();
        listedAddresses[0].AddressFormFields().ShouldBe(expected);
        listedAddresses[1].AddressFormFields().ShouldBe(AddressFields());
        listedAddresses[2].AddressFormFields().ShouldBe(AddressFields());
        (await store.StoredAsync()).ShouldBe(["address 1: Delivery notes = \"Ring twice\"", "address 1: Gate code = 42", "address 1: Leave at door = [\"Yes\"]"]);
    }

    [Fact]
    public async Task In_a_batch_only_the_addresses_that_sent_form_fields_are_answered_with_them_whichever_customer_they_belong_to()
    {
        var store = await api.NewStoreWithEveryTypeAsync();

        var created = await store.CreateV3Async(
            Customer("ann@example.com", new { addresses = new[] { Address("Austin"), Address("Dallas") } }),
            Customer("bob@example.com"),
            Customer("cat@example.com", new { form_fields = Fields(("Bio", "Cat")), addresses = new[] { Address("Houston"), Address("El Paso", extra: new { form_fields = Fields(("Gate code", 3)) }) } }));

        created[0].GetProperty("addresses").EnumerateArray().ShouldAllBe(a => !a.Has("form_fields"));
        created[0].HasFormFields().ShouldBeFalse();
        created[1].HasFormFields().ShouldBeFalse();
        created[2].CustomerFormFields().ShouldBe(CustomerFields(("Bio", "\"Cat\"")));
        var catsAddresses = created[2].GetProperty("addresses").EnumerateArray().ToArray();
        catsAddresses.Select(a => a.GetProperty("id").GetInt32()).ShouldBe([3, 4]);
        catsAddresses[0].HasFormFields().ShouldBeFalse();
        catsAddresses[1].AddressFormFields().ShouldBe(AddressFields(("Gate code", "3")));
        (await store.StoredAsync()).ShouldBe(["customer 3: Bio = \"Cat\"", "address 4: Gate code = 3"]);
    }

    [Fact]
    public async Task More_form_fields_than_a_store_can_define_is_the_validation_422()
    {
        var store = await StoreWithTwoCustomersAsync();
        var tooMany = Fields([.. Enumerable.Range(1, 51).Select(i => ($"Field {i}", (object)"x"))]);

        await (await store.PutCustomersAsync(new { id = 1, form_fields = tooMany })).ShouldBeInvalidBodyAsync("0.form_fields");
        await (await store.PostAddressesAsync(AddressItem(1, extra: new { form_fields = tooMany }))).ShouldBeInvalidBodyAsync("0.form_fields");
        (await store.StoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_address_field_in_a_customer_post_is_422_naming_customer_address_and_field_and_nothing_is_written()
    {
        var store = await api.NewStoreWithEveryTypeAsync();

        var response = await store.PostCustomersAsync(
            Customer("ann@example.com", new { form_fields = Fields(("Sales Rep", "Ann")), addresses = new[] { Address(extra: new { form_fields = Fields(("Gate code", 1)) }) } }),
            Customer("bob@example.com", new
            {
                addresses = new[]
                {
                    Address("Austin", extra: new { form_fields = Fields(("Sales Rep", "Bob")) }),
                    Address("Dallas", extra: new { form_fields = Fields(("Delivery notes", "ok"), ("Gate code", "abc")) }),
                    Address("Houston", extra: new { form_fields = Fields(("Leave at door", Options("No"))) }),
                },
            }));

        await response.ShouldBeRefusedAsync(CreateFailed,
            ("1.addresses.0.form_fields.0.name", "This store defines no address form field named 'Sales Rep'."),
            ("1.addresses.1.form_fields.1.value", "'Gate code' takes a number."),
            ("1.addresses.2.form_fields.0.value", "'Leave at door' takes a list of its options, each once: Yes."));
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        (await store.StoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Include_formfields_lists_every_field_for_each_customer_and_with_addresses_each_addresss_fields()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateV3Async(
            Customer("ann@example.com", new
            {
                form_fields = Fields(("Sales Rep", "Ann"), ("Interests", Options("Music"))),
                addresses = new[] { Address("Austin", extra: new { form_fields = Fields(("Gate code", 7)) }), Address("Dallas") },
            }),
            Customer("bob@example.com"));

        var withFields = (await store.ListV3Async("include=formfields")).Data();
        var withBoth = (await store.ListV3Async("include=addresses,formfields")).Data();
        var addressesOnly = (await store.ListV3Async("include=addresses")).Data();

        var ann = CustomerFields(("Sales Rep", "\"Ann\""), ("Interests", """["Music"]"""));
        withFields[0].CustomerFormFields().ShouldBe(ann);
        withFields[1].CustomerFormFields().ShouldBe(CustomerFields());
        withFields.ShouldAllBe(c => !c.Has("addresses"));
        withBoth[0].CustomerFormFields().ShouldBe(ann);
        withBoth[1].CustomerFormFields().ShouldBe(CustomerFields());
        withBoth[0].GetProperty("addresses")[0].AddressFormFields().ShouldBe(AddressFields(("Gate code", "7")));
        withBoth[0].GetProperty("addresses")[1].AddressFormFields().ShouldBe(AddressFields());
        withBoth[1].GetProperty("addresses").GetArrayLength().ShouldBe(0);
        addressesOnly.ShouldAllBe(c => !c.HasFormFields());
        addressesOnly[0].GetProperty("addresses").EnumerateArray().ShouldAllBe(a => !a.HasFormFields());
    }

    [Fact]
    public async Task A_store_with_no_address_fields_lists_an_empty_form_fields_on_each_address()
    {
        var store = await api.NewStoreWithFormFieldsAsync(new FormFieldSeed { Name = "Sales Rep" });
        await store.CreateV3Async(Customer("ann@example.com", new { addresses = new[] { Address() } }));

        var customer = await store.V3CustomerAsync(1, "addresses,formfields");
        var address = (await (await store.V3.GetAsync(AddressesUrl + "?include=formfields")).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldHaveSingleItem();

        customer.CustomerFormFields().ShouldBe([("Sales Rep", "\"\"")]);
        customer.GetProperty("addresses")[0].GetProperty("form_fields").GetRawText().ShouldBe("[]");
        address.GetProperty("form_fields").GetRawText().ShouldBe("[]");
    }

    [Fact]
    public async Task Address_writes_set_values_and_answer_every_address_field_only_for_items_that_sent_form_fields()
    {
        var store = await StoreWithTwoCustomersAsync();

        var created = await (await store.PostAddressesAsync(
            AddressItem(1, "1 Main St", new { form_fields = Fields(("Delivery notes", "Back door"), ("gate code", "12")) }),
            AddressItem(2, "2 Side St"))).AddressesWrittenAsync();
        var updated = await (await store.PutAddressesAsync(
            new { id = 1, form_fields = Fields(("Gate code", ""), ("Leave at door", Options("YES"))) },
            new { id = 2, city = "Dallas" })).AddressesWrittenAsync();

        created[0].AddressFormFields().ShouldBe(AddressFields(("Delivery notes", "\"Back door\""), ("Gate code", "12")));
        created[1].HasFormFields().ShouldBeFalse();
        updated[0].AddressFormFields().ShouldBe(AddressFields(("Delivery notes", "\"Back door\""), ("Leave at door", """["Yes"]""")));
        updated[1].HasFormFields().ShouldBeFalse();
        var listed = (await (await store.V3.GetAsync(AddressesUrl + "?include=formfields")).ShouldBeAsync(HttpStatusCode.OK)).Data();
        listed[0].AddressFormFields().ShouldBe(updated[0].AddressFormFields());
        listed[1].AddressFormFields().ShouldBe(AddressFields());
        (await (await store.V3.GetAsync(AddressesUrl)).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldAllBe(a => !a.HasFormFields());
        (await store.StoredAsync("&address_id=1")).ShouldBe(["address 1: Delivery notes = \"Back door\"", "address 1: Leave at door = [\"Yes\"]"]);
    }

    [Theory]
    [InlineData("Gate code", "\"abc\"", "value")]
    [InlineData("Leave at door", """["No"]""", "value")]
    [InlineData("Leave at door", "\"Yes\"", "value")]
    [InlineData("Delivery notes", "5", "value")]
    [InlineData("Sales Rep", "\"Ann\"", "name")]
    public async Task A_bad_address_field_is_422_on_address_post_and_put_and_nothing_is_written(string field, string value, string key)
    {
        var store = await StoreWithTwoCustomersAsync();
        await store.PostAddressesAsync(AddressItem(1, "1 Main St"), AddressItem(2, "2 Side St"));
        var before = await store.FormFieldStateAsync();

        var post = await store.PostAddressesAsync(
            AddressItem(1, "3 New St", new { form_fields = Fields(("Gate code", 1)) }), AddressItem(2, "4 New St", new { form_fields = Fields((field, Raw(value))) }));
        var put = await store.PutAddressesAsync(
            new { id = 1, form_fields = Fields(("Gate code", 1)) }, new { id = 2, city = "Dallas", form_fields = Fields((field, Raw(value))) });

        await post.ShouldBeRefusedAsync(CreateAddressesFailed, ($"1.form_fields.0.{key}", "…"));
        await put.ShouldBeRefusedAsync(UpdateAddressesFailed, ($"1.form_fields.0.{key}", "…"));
        (await store.FormFieldStateAsync()).ShouldBe(before);
    }

    public static TheoryData<string, string> MalformedFormFields => new()
    {
        { """[{"value":"x"}]""", "form_fields.0.name" },
        { """[{"name":"Gate code"}]""", "form_fields.0.value" },
        { """[{"name":"Gate code","value":{"code":1}}]""", "form_fields.0.value" },
        { """[{"name":"Gate code","value":true}]""", "form_fields.0.value" },
        { """[{"name":"Gate code","value":null}]""", "form_fields.0.value" },
        { """[{"name":"Leave at door","value":["Yes",1]}]""", "form_fields.0.value" },
    };

    [Theory]
    [MemberData(nameof(MalformedFormFields))]
    public async Task A_malformed_form_field_is_the_validation_422_on_every_write(string formFields, string key)
    {
        var store = await StoreWithTwoCustomersAsync();
        await store.PostAddressesAsync(AddressItem(1));
        var address = """{"customer_id":1,"first_name":"A","last_name":"B","address1":"9 Elm St","city":"Austin","state_or_province":"Texas","postal_code":"78701","country_code":"US","form_fields":""" + formFields + "}";
        var nested = """{"first_name":"A","last_name":"B","address1":"9 Elm St","city":"Austin","country_code":"US","form_fields":""" + formFields + "}";
        var before = await store.FormFieldStateAsync();

        await (await store.V3.PostJsonAsync(AddressesUrl, $"[{address}]")).ShouldBeInvalidBodyAsync($"0.{key}");
        await (await store.V3.PutJsonAsync(AddressesUrl, $$"""[{"id":1,"form_fields":{{formFields}}}]""")).ShouldBeInvalidBodyAsync($"0.{key}");
        await (await store.V3.PutJsonAsync(CustomerWriteCalls.Url, $$"""[{"id":1,"form_fields":{{formFields}}}]""")).ShouldBeInvalidBodyAsync($"0.{key}");
        await (await store.V3.PostJsonAsync(CustomerWriteCalls.Url,
                $$"""[{"email":"c@example.com","first_name":"C","last_name":"D","addresses":[{{nested}}]}]"""))
            .ShouldBeInvalidBodyAsync($"0.addresses.0.{key}");
        (await store.FormFieldStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_address_post_skipped_as_a_duplicate_writes_no_values()
    {
        var store = await StoreWithTwoCustomersAsync();
        await store.PostAddressesAsync(AddressItem(1, "1 Main St", new { form_fields = Fields(("Gate code", 1)) }));

        var again = await (await store.PostAddressesAsync(
            AddressItem(1, "1 Main St", new { form_fields = Fields(("Gate code", 2), ("Delivery notes", "Again")) }),
            AddressItem(2, "5 Oak Ave", new { form_fields = Fields(("Gate code", 5)) }),
            AddressItem(2, "5 Oak Ave", new { form_fields = Fields(("Gate code", 6), ("Delivery notes", "Twice")) }))).AddressesWrittenAsync();

        again.ShouldHaveSingleItem().GetProperty("id").GetInt32().ShouldBe(2);
        again[0].AddressFormFields().ShouldBe(AddressFields(("Gate code", "5")));
        (await store.StoredAsync()).ShouldBe(["address 1: Gate code = 1", "address 2: Gate code = 5"]);
    }

    [Fact]
    public async Task An_address_put_sets_values_only_on_the_addresses_it_updates()
    {
        var store = await StoreWithTwoCustomersAsync();
        await store.PostAddressesAsync(AddressItem(1, "1 Main St"), AddressItem(1, "2 Side St"));

        // Moving address 2 onto address 1's fields would make a duplicate: that item is skipped, its values with it.
        var updated = await (await store.PutAddressesAsync(
            new { id = 1, form_fields = Fields(("Gate code", 7)) },
            new { id = 2, address1 = "1 Main St", form_fields = Fields(("Gate code", 9)) })).AddressesWrittenAsync();

        updated.ShouldHaveSingleItem().GetProperty("id").GetInt32().ShouldBe(1);
        (await store.StoredAsync()).ShouldBe(["address 1: Gate code = 7"]);
    }

    [Theory]
    [InlineData("v2", "customers/1")]
    [InlineData("v2", "customers?max_id=1")]
    [InlineData("v3", "customers?id:in=1")]
    public async Task Deleting_a_customer_removes_its_values_and_its_addresses_values(string version, string delete)
    {
        var store = await StoreWithValuesOnTwoCustomersAsync();

        var response = await (version == "v2" ? store.V2 : store.V3).DeleteAsync(delete);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.StoredAsync()).ShouldBe(["customer 2: Sales Rep = \"Bob\"", "address 2: Gate code = 2"]);
    }

    [Theory]
    [InlineData("v2", "customers/1/addresses/1")]
    [InlineData("v2", "customers/1/addresses")]
    [InlineData("v3", "customers/addresses?id:in=1")]
    public async Task Deleting_an_address_removes_its_values(string version, string delete)
    {
        var store = await StoreWithValuesOnTwoCustomersAsync();

        var response = await (version == "v2" ? store.V2 : store.V3).DeleteAsync(delete);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.StoredAsync()).ShouldBe(["customer 1: Sales Rep = \"Ann\"", "customer 2: Sales Rep = \"Bob\"", "address 2: Gate code = 2"]);
    }

    /// <summary>Customer 1 (Sales Rep Ann) with address 1 (Gate code 1), customer 2 (Sales Rep Bob) with address 2 (Gate code 2).</summary>
    private async Task<TestStore> StoreWithValuesOnTwoCustomersAsync()
    {
        var store = await api.NewStoreWithEveryTypeAsync();
        await store.CreateV3Async(
            Customer("ann@example.com", new { form_fields = Fields(("Sales Rep", "Ann")), addresses = new[] { Address(extra: new { form_fields = Fields(("Gate code", 1)) }) } }),
            Customer("bob@example.com", new { form_fields = Fields(("Sales Rep", "Bob")), addresses = new[] { Address(extra: new { form_fields = Fields(("Gate code", 2)) }) } }));
        (await store.StoredAsync()).ShouldBe(["customer 1: Sales Rep = \"Ann\"", "customer 2: Sales Rep = \"Bob\"", "address 1: Gate code = 1", "address 2: Gate code = 2"]);
        return store;
    }

    [Fact]
    public async Task Another_stores_token_can_neither_read_nor_write_a_stores_values_and_each_store_keeps_its_own()
    {
        var mine = await StoreWithValuesOnTwoCustomersAsync();
        var before = await mine.FormFieldStateAsync();
        var other = await api.NewStoreWithEveryTypeAsync();
        await other.CreateV3Async(Customer("ann@example.com", new { form_fields = Fields(("Sales Rep", "Other"), ("Bio", "Theirs")), addresses = new[] { Address() } }));
        await (await other.PutAddressesAsync(new { id = 1, form_fields = Fields(("Gate code", 99)) })).AddressesWrittenAsync();

        var intruder = mine.V3With(other.Token);
        (await intruder.GetAsync(FormFieldCalls.Url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await intruder.GetAsync("customers?include=formfields")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await intruder.PutJsonAsync(CustomerWriteCalls.Url, new[] { new { id = 1, form_fields = Fields(("Sales Rep", "Hacked")) } })).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        (await intruder.PutJsonAsync(AddressesUrl, new[] { new { id = 1, form_fields = Fields(("Gate code", 0)) } })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await mine.V2With(other.Token).GetAsync("customers/1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await mine.FormFieldStateAsync()).ShouldBe(before);
        (await other.StoredAsync()).ShouldBe(["customer 1: Sales Rep = \"Other\"", "customer 1: Bio = \"Theirs\"", "address 1: Gate code = 99"]);
        (await mine.V3CustomerAsync(1, "formfields")).CustomerFormFields().ShouldBe(CustomerFields(("Sales Rep", "\"Ann\"")));
    }
}

public sealed class FormFieldWriteTests_Sqlite(SqliteApi api) : FormFieldWriteTests(api), IClassFixture<SqliteApi>;

public sealed class FormFieldWriteTests_Postgres(PostgresApi api) : FormFieldWriteTests(api), IClassFixture<PostgresApi>;
