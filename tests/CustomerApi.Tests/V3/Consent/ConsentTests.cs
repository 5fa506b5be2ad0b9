using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.Consent.ConsentCalls;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3.Consent;

/// <summary>
/// <c>GET/PUT customers/{customerId}/consent</c>: a bare <c>{allow, deny, updated_at}</c>; nothing consented until
/// declared; a declaration replaces the whole consent and is answered in the spec's category order; bad ones are 422
/// and write nothing; the consent belongs to the store's customer and goes with it.
/// </summary>
public abstract class ConsentTests(ApiFixture api)
{
    private static readonly string[] None = [];
    private static readonly string[] Essential = ["essential"];
    private static readonly string[] Targeting = ["targeting"];
    private static readonly string[] EssentialFunctional = ["essential", "functional"];
    private static readonly string[] AnalyticsTargeting = ["analytics", "targeting"];

    /// <summary>A new store with customers 1 to <paramref name="customers"/>.</summary>
    private async Task<TestStore> StoreWithCustomersAsync(int customers = 1)
    {
        var store = await api.NewStoreAsync();
        for (var i = 1; i <= customers; i++)
        {
            (await store.CreateCustomerAsync($"c{i}@example.com")).GetProperty("id").GetInt32().ShouldBe(i);
        }

        return store;
    }

    [Fact]
    public async Task A_customer_who_never_declared_has_allowed_and_denied_nothing_as_of_the_call()
    {
        var store = await StoreWithCustomersAsync();
        var since = UtcSecond();

        var response = await store.V3.GetAsync(Url(1));

        await response.ShouldBeConsentAsync(None, None, since);
        (await store.StoredConsentsAsync()).ShouldBeEmpty("a read declares nothing");
    }

    [Fact]
    public async Task A_declaration_is_answered_in_the_specs_category_order_and_read_back_alike()
    {
        var store = await StoreWithCustomersAsync();
        var since = UtcSecond();

        var response = await store.V3.PutConsentAsync(1, Declare(["targeting", "essential", "analytics"], ["functional"]));

        await response.ShouldBeConsentAsync(["essential", "analytics", "targeting"], ["functional"], since);
        await store.V3.ShouldHaveConsentAsync(1, ["essential", "analytics", "targeting"], ["functional"]);
        (await store.StoredConsentsAsync()).ShouldBe(["customer 1: allow essential,analytics,targeting; deny functional"]);
    }

    [Fact]
    public async Task Every_category_may_be_allowed_or_every_one_denied()
    {
        var store = await StoreWithCustomersAsync(2);
        var since = UtcSecond();
        string[] all = ["essential", "functional", "analytics", "targeting"];

        await (await store.V3.PutConsentAsync(1, Declare([.. all.Reverse()], None))).ShouldBeConsentAsync(all, None, since);
        await (await store.V3.PutConsentAsync(2, Declare(None, ["analytics", "targeting", "functional", "essential"]))).ShouldBeConsentAsync(None, all, since);

        await store.V3.ShouldHaveConsentAsync(1, all, None);
        await store.V3.ShouldHaveConsentAsync(2, None, all);
    }

    [Fact]
    public async Task A_second_declaration_replaces_the_first_whole()
    {
        var store = await StoreWithCustomersAsync();
        await (await store.V3.PutConsentAsync(1, Declare(EssentialFunctional, AnalyticsTargeting))).ShouldBeConsentAsync(EssentialFunctional, AnalyticsTargeting, UtcSecond());
        var since = UtcSecond();

        var response = await store.V3.PutConsentAsync(1, Declare(["targeting"], ["functional"]));

        await response.ShouldBeConsentAsync(Targeting, ["functional"], since);
        await store.V3.ShouldHaveConsentAsync(1, Targeting, ["functional"]);
        (await store.StoredConsentsAsync()).ShouldBe(["customer 1: allow targeting; deny functional"]);
    }

    [Theory]
    [InlineData("""{"allow":["essential"]}""", "essential", "")]
    [InlineData("""{"deny":["targeting"]}""", "", "targeting")]
    [InlineData("""{}""", "", "")]
    [InlineData("""{"allow":[],"deny":[]}""", "", "")]
    public async Task A_list_left_out_is_empty_not_kept(string body, string allow, string deny)
    {
        var store = await StoreWithCustomersAsync();
        (await store.V3.PutConsentAsync(1, Declare(EssentialFunctional, AnalyticsTargeting))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var since = UtcSecond();
        string[] allowed = allow.Length == 0 ? [] : [allow];
        string[] denied = deny.Length == 0 ? [] : [deny];

        var response = await store.V3.PutConsentAsync(1, body);

        await response.ShouldBeConsentAsync(allowed, denied, since);
        await store.V3.ShouldHaveConsentAsync(1, allowed, denied);
    }

    [Theory]
    [InlineData("""{"allow":["cookies"]}""", "allow")]
    [InlineData("""{"allow":["Essential"]}""", "allow")]
    [InlineData("""{"allow":[" essential"]}""", "allow")]
    [InlineData("""{"allow":[""]}""", "allow")]
    [InlineData("""{"deny":["essential","marketing"]}""", "deny")]
    [InlineData("""{"allow":["essential","essential"]}""", "allow")]
    [InlineData("""{"deny":["targeting","analytics","targeting"]}""", "deny")]
    [InlineData("""{"allow":["essential","analytics"],"deny":["analytics"]}""", "deny")]
    [InlineData("""{"allow":["functional"],"deny":["essential","functional"]}""", "deny")]
    [InlineData("""{"allow":["cookies"],"deny":["essential","essential"]}""", "allow", "deny")]
    [InlineData("""{"allow":[null]}""", "allow")]
    [InlineData("""{"allow":[1]}""", "allow.0")]
    [InlineData("""{"deny":["essential",true]}""", "deny.1")]
    [InlineData("""{"deny":[["essential"]]}""", "deny.0")]
    [InlineData("""{"allow":"essential"}""", "allow")]
    [InlineData("""{"allow":{"essential":true}}""", "allow")]
    [InlineData("""{"deny":5}""", "deny")]
    [InlineData("""[]""", "body")]
    [InlineData("""[{"allow":["essential"]}]""", "body")]
    [InlineData("\"essential\"", "body")]
    public async Task A_bad_declaration_is_422_naming_the_field_and_the_consent_stays(string body, params string[] fields)
    {
        var store = await StoreWithCustomersAsync();
        (await store.V3.PutConsentAsync(1, Declare(Essential, Targeting))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await store.V3.PutConsentAsync(1, body);

        await response.ShouldBeInvalidBodyAsync(fields);
        await store.V3.ShouldHaveConsentAsync(1, Essential, Targeting);
    }

    [Fact]
    public async Task The_reasons_say_what_is_wrong()
    {
        var store = await StoreWithCustomersAsync();

        var unknown = await (await store.V3.PutConsentAsync(1, """{"allow":["cookies"]}""")).ShouldBeInvalidBodyAsync("allow");
        var both = await (await store.V3.PutConsentAsync(1, """{"allow":["analytics"],"deny":["analytics"]}""")).ShouldBeInvalidBodyAsync("deny");
        var type = await (await store.V3.PutConsentAsync(1, """{"deny":"analytics"}""")).ShouldBeInvalidBodyAsync("deny");

        unknown["allow"].ShouldBe("each category must be one of essential, functional, analytics, targeting, and listed once");
        both["deny"].ShouldBe("a category cannot be both allowed and denied");
        type["deny"].ShouldBe("The value is not of the expected type.");
        (await store.StoredConsentsAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("""{"allow":["essential"]""")]
    [InlineData("""{"allow":["essential",]}""")]
    [InlineData("""{'allow':['essential']}""")]
    [InlineData("""{"allow":["essential"]} {}""")]
    public async Task Malformed_json_is_400_and_the_consent_stays(string body)
    {
        var store = await StoreWithCustomersAsync();
        (await store.V3.PutConsentAsync(1, Declare(Essential, Targeting))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await store.V3.PutConsentAsync(1, body);

        (await response.ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest)).GetRawText()
            .ShouldBe(V3TestStores.ErrorBody(400, "The request body is not valid JSON."));
        await store.V3.ShouldHaveConsentAsync(1, Essential, Targeting);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_is_400_and_the_consent_stays(string body)
    {
        var store = await StoreWithCustomersAsync();
        (await store.V3.PutConsentAsync(1, Declare(Essential, Targeting))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await store.V3.PutConsentAsync(1, body);

        // Its title is the shared V3 one, which asks for "a JSON array" though this route takes an object: not pinned here.
        await response.ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);
        await store.V3.ShouldHaveConsentAsync(1, Essential, Targeting);
    }

    [Fact]
    public async Task A_body_not_sent_as_json_is_415_and_other_methods_are_405()
    {
        var store = await StoreWithCustomersAsync();
        (await store.V3.PutConsentAsync(1, Declare(Essential, Targeting))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var plain = await store.V3.SendJsonAsync(HttpMethod.Put, Url(1), """{"allow":["analytics"]}""", "text/plain");
        var posted = await store.V3.PostJsonAsync(Url(1), """{"allow":["analytics"]}""");
        var deleted = await store.V3.DeleteAsync(Url(1));

        await plain.ShouldBeV3ErrorAsync(HttpStatusCode.UnsupportedMediaType);
        await posted.ShouldBeV3ErrorAsync(HttpStatusCode.MethodNotAllowed);
        await deleted.ShouldBeV3ErrorAsync(HttpStatusCode.MethodNotAllowed);
        await store.V3.ShouldHaveConsentAsync(1, Essential, Targeting);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task An_unknown_customer_is_404_on_get_and_put_and_nothing_is_written(int customerId)
    {
        var store = await StoreWithCustomersAsync();

        var got = await store.V3.GetAsync(Url(customerId));
        var put = await store.V3.PutConsentAsync(customerId, Declare(Essential, Targeting));

        await got.ShouldBeNotFoundAsync();
        await put.ShouldBeNotFoundAsync();
        (await store.StoredConsentsAsync()).ShouldBeEmpty();
        (await store.CreateCustomerAsync("c2@example.com")).GetProperty("id").GetInt32().ShouldBe(2);
        await store.V3.ShouldHaveConsentAsync(2, None, None);
    }

    [Fact]
    public async Task A_bad_body_for_an_unknown_customer_is_422_as_the_body_is_judged_first()
    {
        var store = await StoreWithCustomersAsync();

        var response = await store.V3.PutConsentAsync(2, """{"allow":["cookies"]}""");

        // The validator runs first (one pipeline for every body): a bad body is 422 whoever it is for.
        await response.ShouldBeInvalidBodyAsync("allow");
        (await store.StoredConsentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_read_only_token_may_read_the_consent_but_its_declaration_is_403_and_changes_nothing()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));
        await store.CreateCustomerAsync("c1@example.com");
        (await store.V3.PutConsentAsync(1, Declare(Essential, Targeting))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var since = UtcSecond();
        var read = await readOnly.GetAsync(Url(1));
        var declared = await readOnly.PutConsentAsync(1, Declare(AnalyticsTargeting, Essential));

        await read.ShouldBeConsentAsync(Essential, Targeting, since);
        (await declared.ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden)).GetRawText()
            .ShouldBe(V3TestStores.ErrorBody(403, "You don't have a required scope to access the endpoint"));
        await store.V3.ShouldHaveConsentAsync(1, Essential, Targeting);
    }

    [Fact]
    public async Task Without_a_token_or_with_one_of_another_scope_it_is_refused_and_nothing_is_written()
    {
        var store = await api.NewStoreAsync();
        var orders = store.V3With(await store.NewTokenAsync("store_v2_orders", "store_stored_payment_instruments"));
        await store.CreateCustomerAsync("c1@example.com");

        var anonymousGet = await store.V3With(null).GetAsync(Url(1));
        var anonymousPut = await store.V3With(null).PutConsentAsync(1, Declare(Essential, None));
        var otherGet = await orders.GetAsync(Url(1));
        var otherPut = await orders.PutConsentAsync(1, Declare(Essential, None));

        await anonymousGet.ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        await anonymousPut.ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        await otherGet.ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        await otherPut.ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        (await store.StoredConsentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_only_another_store_has_is_404_and_the_other_stores_consent_is_untouched()
    {
        var a = await StoreWithCustomersAsync(1);
        var b = await StoreWithCustomersAsync(2);
        (await b.V3.PutConsentAsync(1, Declare(EssentialFunctional, AnalyticsTargeting))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await b.V3.PutConsentAsync(2, Declare(Targeting, Essential))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var read = await a.V3.GetAsync(Url(2));
        var declared = await a.V3.PutConsentAsync(2, Declare(Essential, None));
        var sameId = await a.V3.PutConsentAsync(1, Declare(None, ["essential", "functional", "analytics", "targeting"]));
        var crossed = await a.V3With(b.Token).PutConsentAsync(1, Declare(Essential, None));

        await read.ShouldBeNotFoundAsync();
        await declared.ShouldBeNotFoundAsync();
        sameId.StatusCode.ShouldBe(HttpStatusCode.OK);
        await crossed.ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        await a.V3.ShouldHaveConsentAsync(1, None, ["essential", "functional", "analytics", "targeting"]);
        await b.V3.ShouldHaveConsentAsync(1, EssentialFunctional, AnalyticsTargeting);
        await b.V3.ShouldHaveConsentAsync(2, Targeting, Essential);
        (await a.StoredConsentsAsync()).ShouldBe(["customer 1: allow ; deny essential,functional,analytics,targeting"]);
        (await b.StoredConsentsAsync()).ShouldBe(["customer 1: allow essential,functional; deny analytics,targeting", "customer 2: allow targeting; deny essential"]);
    }

    [Theory]
    [InlineData("v2", "customers/1")]
    [InlineData("v2", "customers?max_id=1")]
    [InlineData("v3", "customers?id:in=1")]
    public async Task Deleting_the_customer_deletes_its_consent_and_a_new_customer_does_not_inherit_it(string version, string delete)
    {
        var store = await StoreWithCustomersAsync(2);
        (await store.V3.PutConsentAsync(1, Declare(EssentialFunctional, AnalyticsTargeting))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await store.V3.PutConsentAsync(2, Declare(Targeting, Essential))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await (version == "v2" ? store.V2 : store.V3).DeleteAsync(delete);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await store.V3.GetAsync(Url(1))).ShouldBeNotFoundAsync();
        (await store.StoredConsentsAsync()).ShouldBe(["customer 2: allow targeting; deny essential"]);
        await store.V3.ShouldHaveConsentAsync(2, Targeting, Essential);
        (await store.CreateCustomerAsync("c1@example.com")).GetProperty("id").GetInt32().ShouldBe(3);
        await store.V3.ShouldHaveConsentAsync(3, None, None);
    }

    [Fact]
    public async Task Declarations_racing_the_delete_of_their_customer_answer_200_or_404_and_leave_nothing_of_it()
    {
        const int Rounds = 5;
        const int Writers = 8;
        var store = await StoreWithCustomersAsync(1);
        (await store.V3.PutConsentAsync(1, Declare(Essential, Targeting))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var statuses = new List<int>();

        for (var round = 0; round < Rounds; round++)
        {
            var doomed = (await store.CreateCustomerAsync($"doomed{round}@example.com")).GetProperty("id").GetInt32();
            (await store.V3.PutConsentAsync(doomed, Declare(AnalyticsTargeting, None))).StatusCode.ShouldBe(HttpStatusCode.OK);
            var holdBack = TimeSpan.FromMilliseconds(round % 3);

            var writes = Enumerable.Range(0, Writers).Select(i => Task.Run(() => store.V3.PutConsentAsync(doomed,
                i % 2 == 0 ? Declare(Essential, Targeting) : Declare(None, EssentialFunctional)))).ToArray();
            var deleting = Task.Run(async () =>
            {
                await Task.Delay(holdBack);
                return await (round % 2 == 0 ? store.V3.DeleteAsync($"customers?id:in={doomed}") : store.V2.DeleteAsync($"customers/{doomed}"));
            });
            var answers = await Task.WhenAll(writes);
            var deleted = await deleting;

            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
            foreach (var answer in answers)
            {
                statuses.Add((int)answer.StatusCode);
                ((int)answer.StatusCode).ShouldBeOneOf([200, 404], await answer.Content.ReadAsStringAsync());
                if (answer.StatusCode == HttpStatusCode.NotFound)
                {
                    await answer.ShouldBeNotFoundAsync();
                }
            }

            await (await store.V3.GetAsync(Url(doomed))).ShouldBeNotFoundAsync();
            (await store.StoredConsentsAsync()).ShouldBe(["customer 1: allow essential; deny targeting"], $"round {round}");
        }

        await store.V3.ShouldHaveConsentAsync(1, Essential, Targeting);
        statuses.Count.ShouldBe(Rounds * Writers);
    }
}

public sealed class ConsentTests_Sqlite(SqliteApi api) : ConsentTests(api), IClassFixture<SqliteApi>;

public sealed class ConsentTests_Postgres(PostgresApi api) : ConsentTests(api), IClassFixture<PostgresApi>;
