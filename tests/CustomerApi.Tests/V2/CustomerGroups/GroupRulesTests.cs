using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.CustomerGroups;

/// <summary><c>category_access</c> and <c>discount_rules</c>: what is accepted, how it is shown, and what is refused by name.</summary>
public abstract class GroupRulesTests(ApiFixture api)
{
    public static TheoryData<string, string> GoodAccess => new()
    {
        { """{"type":"all"}""", """{"type":"all"}""" },
        { """{"type":"none"}""", """{"type":"none"}""" },
        { """{"type":"none","categories":[]}""", """{"type":"none"}""" },
        { """{"type":"specific","categories":[23,18]}""", """{"type":"specific","categories":[23,18]}""" },
        { """{"type":"specific","categories":[]}""", """{"type":"specific","categories":[]}""" },
    };

    [Theory]
    [MemberData(nameof(GoodAccess))]
    public async Task Category_access_is_shown_as_sent_with_categories_only_for_specific(string sent, string shown)
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customer_groups", $$"""{"name":"G","category_access":{{sent}}}""");

        (await response.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("category_access").ToString().ShouldBe(shown);
    }

    public static TheoryData<string, string> BadAccess => new()
    {
        { """{}""", "The required field 'category_access.type' was not supplied." },
        { """{"type":"some"}""", "The field 'category_access.type' is invalid." },
        { """{"type":"specific"}""", "The required field 'category_access.categories' was not supplied." },
        { """{"type":"all","categories":[1]}""", "The field 'category_access.categories' is invalid." },
        { """{"type":"specific","categories":[0]}""", "The field 'category_access.categories' is invalid." },
        { """{"type":"specific","categories":["a"]}""", "The field 'category_access.categories.0' is invalid." },
        { """{"type":"all","level":2}""", "The field 'category_access.level' is not supported by this resource." },
        { "\"all\"", "The field 'category_access' is invalid." },
    };

    [Theory]
    [MemberData(nameof(BadAccess))]
    public async Task Bad_category_access_is_400_naming_the_field_on_create_and_update(string access, string message)
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Kept");
        var before = await store.GroupTextAsync();

        var created = await store.V2.PostJsonAsync("customer_groups", $$"""{"name":"New","category_access":{{access}}}""");
        var updated = await store.V2.PutJsonAsync("customer_groups/1", $$"""{"category_access":{{access}}}""");

        foreach (var response in new[] { created, updated })
        {
            (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest))[0].GetProperty("message").GetString().ShouldBe(message);
        }

        (await store.GroupCountAsync()).ShouldBe(1);
        (await store.GroupTextAsync()).ShouldBe(before);
    }

    public static TheoryData<string, string> GoodRules => new()
    {
        { """[{"type":"all","method":"percent","amount":100}]""", """[{"type":"all","method":"percent","amount":"100.0000"}]""" },
        { """[{"type":"all","method":"fixed","amount":"0"}]""", """[{"type":"all","method":"fixed","amount":"0.0000"}]""" },
        { """[{"type":"category","method":"price","amount":"12.34567","category_id":4}]""", """[{"type":"category","method":"price","amount":"12.3457","category_id":4}]""" },
        { """[{"type":"product","method":"fixed","amount":250,"product_id":9},{"type":"product","method":"percent","amount":1,"product_id":10}]""",
          """[{"type":"product","method":"fixed","amount":"250.0000","product_id":9},{"type":"product","method":"percent","amount":"1.0000","product_id":10}]""" },
        { """[{"type":"price_list","price_list_id":2}]""", """[{"type":"price_list","price_list_id":2}]""" },
        { """[]""", """[]""" },
    };

    [Theory]
    [MemberData(nameof(GoodRules))]
    public async Task Discount_rules_are_shown_with_the_fields_of_their_type_and_4_decimal_amounts(string sent, string shown)
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customer_groups", $$"""{"name":"G","discount_rules":{{sent}}}""");

        (await response.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("discount_rules").ToString().ShouldBe(shown);
        (await store.GroupTextAsync()).ShouldContain(shown);
    }

    public static TheoryData<string, string> BadRules => new()
    {
        { """[{"method":"percent","amount":5}]""", "The required field 'discount_rules.0.type' was not supplied." },
        { """[{"type":"everything","method":"percent","amount":5}]""", "The field 'discount_rules.0.type' is invalid." },
        { """[{"type":"all","amount":5}]""", "The required field 'discount_rules.0.method' was not supplied." },
        { """[{"type":"all","method":"half","amount":5}]""", "The field 'discount_rules.0.method' is invalid." },
        { """[{"type":"all","method":"fixed"}]""", "The required field 'discount_rules.0.amount' was not supplied." },
        { """[{"type":"all","method":"fixed","amount":-1}]""", "The field 'discount_rules.0.amount' is invalid." },
        { """[{"type":"all","method":"percent","amount":100.01}]""", "The field 'discount_rules.0.amount' is invalid." },
        { """[{"type":"all","method":"fixed","amount":"lots"}]""", "The field 'discount_rules.0.amount' is invalid." },
        { """[{"type":"category","method":"fixed","amount":1}]""", "The required field 'discount_rules.0.category_id' was not supplied." },
        { """[{"type":"category","method":"fixed","amount":1,"category_id":0}]""", "The field 'discount_rules.0.category_id' is invalid." },
        { """[{"type":"product","method":"fixed","amount":1}]""", "The required field 'discount_rules.0.product_id' was not supplied." },
        { """[{"type":"product","method":"fixed","amount":1,"product_id":2,"category_id":3}]""", "The field 'discount_rules.0.category_id' is not supported by this resource." },
        { """[{"type":"all","method":"fixed","amount":1,"product_id":2}]""", "The field 'discount_rules.0.product_id' is not supported by this resource." },
        { """[{"type":"price_list"}]""", "The required field 'discount_rules.0.price_list_id' was not supplied." },
        { """[{"type":"price_list","price_list_id":1,"method":"percent"}]""", "The field 'discount_rules.0.method' is not supported by this resource." },
        { """[{"type":"all","method":"fixed","amount":1,"colour":"red"}]""", "The field 'discount_rules.0.colour' is not supported by this resource." },
        { """[{"type":"all","method":"fixed","amount":1},{"type":"all","method":"fixed","amount":2}]""", "The field 'discount_rules' is invalid." },
        { """[{"type":"price_list","price_list_id":1},{"type":"all","method":"fixed","amount":2}]""", "The field 'discount_rules' is invalid." },
        { """[null]""", "The field 'discount_rules.0' is invalid." },
        { """{"type":"all"}""", "The field 'discount_rules' is invalid." },
        { """[{"type":"all","method":"fixed","amount":1},{"type":"category","method":"fixed","amount":1}]""", "The required field 'discount_rules.1.category_id' was not supplied." },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Bad_discount_rules_are_400_naming_the_field_on_create_and_update(string rules, string message)
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Kept", new { discount_rules = new[] { new { type = "all", method = "percent", amount = 5 } } });
        var before = await store.GroupTextAsync();

        var created = await store.V2.PostJsonAsync("customer_groups", $$"""{"name":"New","discount_rules":{{rules}}}""");
        var updated = await store.V2.PutJsonAsync("customer_groups/1", $$"""{"discount_rules":{{rules}}}""");

        foreach (var response in new[] { created, updated })
        {
            (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest))[0].GetProperty("message").GetString().ShouldBe(message);
        }

        (await store.GroupCountAsync()).ShouldBe(1);
        (await store.GroupTextAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_rule_with_one_fault_in_each_of_two_rules_reports_both_with_reasons()
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customer_groups",
            """{"name":"G","discount_rules":[{"type":"all","method":"x","amount":1},{"type":"product","method":"fixed","amount":1}]}""");

        var errors = await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()).ShouldBe(
            ["The field 'discount_rules.0.method' is invalid.", "The required field 'discount_rules.1.product_id' was not supplied."]);
        errors[0].GetProperty("details").GetProperty("invalid_reason").GetString().ShouldBe("method must be one of percent, fixed, price");
    }
}

public sealed class GroupRulesTests_Sqlite(SqliteApi api) : GroupRulesTests(api), IClassFixture<SqliteApi>;

public sealed class GroupRulesTests_Postgres(PostgresApi api) : GroupRulesTests(api), IClassFixture<PostgresApi>;
