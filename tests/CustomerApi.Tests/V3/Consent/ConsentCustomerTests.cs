using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.Consent.ConsentCalls;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3.Consent;

/// <summary>
/// Whose consent <c>customers/{customerId}/consent</c> is: only an existing customer of the token's store has one, a
/// read-only token may read but not declare it, and it goes with its customer, even when the delete races a declaration.
/// </summary>
public abstract class ConsentCustomerTests(ApiFixture api)
{
    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task An_unknown_customer_is_404_on_get_and_put_and_nothing_is_written(int customerId)
    {
        var store = await api.NewStoreWithCustomersAsync();

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
        var store = await api.NewStoreWithCustomersAsync();

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
        var a = await api.NewStoreWithCustomersAsync(1);
        var b = await api.NewStoreWithCustomersAsync(2);
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
        var store = await api.NewStoreWithCustomersAsync(2);
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
        var store = await api.NewStoreWithCustomersAsync(1);
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

public sealed class ConsentCustomerTests_Sqlite(SqliteApi api) : ConsentCustomerTests(api), IClassFixture<SqliteApi>;

public sealed class ConsentCustomerTests_Postgres(PostgresApi api) : ConsentCustomerTests(api), IClassFixture<PostgresApi>;
