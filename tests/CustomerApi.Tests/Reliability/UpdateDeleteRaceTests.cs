using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Customers;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Updates of a row released together with a delete of it (or of what it points at), round after round: every request
/// gets exactly one ordinary answer (the update's 2xx, or the lost race's 404 in V2 and 422 naming the item in V3; the
/// delete's 204), never a 5xx, and afterwards the store holds what one serial order of those answers explains.
/// </summary>
public abstract class UpdateDeleteRaceTests(ApiFixture api, ReliabilityFigures figures)
{
    private const int Rounds = 20;
    private const int Updaters = 10;

    [Fact]
    public async Task Customer_updates_racing_its_delete_answer_200_or_404()
    {
        var store = await api.NewStoreAsync();
        var outcomes = new Outcomes();

        for (var round = 0; round < Rounds; round++)
        {
            var id = (await store.CreateCustomerAsync($"c{round}@example.com")).GetProperty("id").GetInt32();

            var (updates, delete) = await RaceAsync(
                i => store.V2.PutJsonAsync($"customers/{id}", new { notes = $"note {i}" }),
                () => store.V2.DeleteAsync($"customers/{id}"));

            await outcomes.ExpectAsync(delete, HttpStatusCode.NoContent);
            await outcomes.ExpectAllAsync(updates, HttpStatusCode.OK, HttpStatusCode.NotFound);
            (await store.V2.GetAsync($"customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await ShouldBeEmptyStoreAsync(store);
        Report(outcomes, "customer update vs delete");
    }

    [Fact]
    public async Task Customer_group_moves_racing_the_customers_delete_answer_200_or_404()
    {
        var store = await api.NewStoreAsync();
        (await store.V2.PostJsonAsync("customer_groups", new { name = "Wholesale" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var outcomes = new Outcomes();

        for (var round = 0; round < Rounds; round++)
        {
            var id = (await store.CreateCustomerAsync($"c{round}@example.com")).GetProperty("id").GetInt32();

            var (updates, delete) = await RaceAsync(
                i => store.V2.PutJsonAsync($"customers/{id}", new { customer_group_id = 1, notes = $"note {i}" }),
                () => store.V2.DeleteAsync($"customers/{id}"));

            await outcomes.ExpectAsync(delete, HttpStatusCode.NoContent);
            await outcomes.ExpectAllAsync(updates, HttpStatusCode.OK, HttpStatusCode.NotFound);
        }

        await ShouldBeEmptyStoreAsync(store);
        Report(outcomes, "customer group move vs customer delete");
    }

    [Fact]
    public async Task Customer_group_moves_racing_the_groups_delete_leave_every_customer_in_no_group()
    {
        var store = await api.NewStoreAsync();
        var id = (await store.CreateCustomerAsync("member@example.com")).GetProperty("id").GetInt32();
        var outcomes = new Outcomes();

        for (var round = 0; round < Rounds; round++)
        {
            var groupId = (await (await store.V2.PostJsonAsync("customer_groups", new { name = $"Group {round}" }))
                .ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

            var (updates, delete) = await RaceAsync(
                _ => store.V2.PutJsonAsync($"customers/{id}", new { customer_group_id = groupId }),
                () => store.V2.DeleteAsync($"customer_groups/{groupId}"));

            await outcomes.ExpectAsync(delete, HttpStatusCode.NoContent);
            // A move after the delete names a group that is gone: 400 naming customer_group_id, as for any unknown group.
            await outcomes.ExpectAllAsync(updates, HttpStatusCode.OK, HttpStatusCode.BadRequest);
            var customer = await (await store.V2.GetAsync($"customers/{id}")).ShouldBeAsync(HttpStatusCode.OK);
            customer.GetProperty("customer_group_id").GetInt32().ShouldBe(0, "the group is gone, so its members are in none");
        }

        Report(outcomes, "customer group move vs group delete");
    }

    [Fact]
    public async Task Customer_group_updates_racing_its_delete_answer_200_or_404()
    {
        var store = await api.NewStoreAsync();
        var outcomes = new Outcomes();

        for (var round = 0; round < Rounds; round++)
        {
            var groupId = (await (await store.V2.PostJsonAsync("customer_groups", new { name = $"Group {round}" }))
                .ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

            var (updates, delete) = await RaceAsync(
                i => store.V2.PutJsonAsync($"customer_groups/{groupId}", new { name = $"Group {round}.{i}", is_default = i % 2 == 0 }),
                () => store.V2.DeleteAsync($"customer_groups/{groupId}"));

            await outcomes.ExpectAsync(delete, HttpStatusCode.NoContent);
            await outcomes.ExpectAllAsync(updates, HttpStatusCode.OK, HttpStatusCode.NotFound);
            (await store.V2.GetAsync($"customer_groups/{groupId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await store.V2.GetAsync("customer_groups")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Report(outcomes, "customer group update vs delete");
    }

    [Fact]
    public async Task Attribute_renames_racing_their_delete_answer_200_or_422_naming_the_item()
    {
        var store = await api.NewStoreAsync();
        var outcomes = new Outcomes();

        for (var round = 0; round < Rounds; round++)
        {
            var attributeId = (await store.CreateAttributesAsync(($"Attr {round}", "string"))).Single();

            var (updates, delete) = await RaceAsync(
                i => store.V3.PutJsonAsync(AttributesUrl, new[] { new { id = attributeId, name = $"Attr {round}.{i}" } }),
                () => store.V3.DeleteAsync($"{AttributesUrl}?id:in={attributeId}"));

            await outcomes.ExpectAsync(delete, HttpStatusCode.NoContent);
            await outcomes.ExpectAllAsync(updates, HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity);
            await Outcomes.ShouldNameItemsAsync(updates, "0.id");
        }

        (await store.AttributeNamesAsync()).ShouldBeEmpty();
        Report(outcomes, "attribute rename vs delete");
    }

    [Fact]
    public async Task Value_upserts_racing_the_values_delete_leave_at_most_one_value_of_the_pair()
    {
        var store = await api.NewStoreAsync();
        var customerId = (await store.CreateCustomerAsync("valued@example.com")).GetProperty("id").GetInt32();
        var attributeId = (await store.CreateAttributesAsync(("Tier", "string"))).Single();
        var outcomes = new Outcomes();

        for (var round = 0; round < Rounds; round++)
        {
            var valueId = (await store.UpsertValuesAsync((customerId, attributeId, $"start {round}"))).Single().GetProperty("id").GetInt32();

            var (updates, delete) = await RaceAsync(
                i => store.V3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = customerId, attribute_id = attributeId, value = $"v {round}.{i}" } }),
                () => store.V3.DeleteAsync($"{ValuesUrl}?id:in={valueId}"));

            await outcomes.ExpectAsync(delete, HttpStatusCode.NoContent);
            await outcomes.ExpectAllAsync(updates, HttpStatusCode.OK);
            var values = (await (await store.V3.GetAsync(ValuesUrl)).ShouldBeAsync(HttpStatusCode.OK)).Data();
            values.Length.ShouldBeLessThanOrEqualTo(1, "one value per customer and attribute");
            await store.V3.DeleteAsync($"{ValuesUrl}?id:in={string.Join(',', values.Select(v => v.GetProperty("id").GetInt32()))}");
        }

        Report(outcomes, "value upsert vs value delete");
    }

    [Fact]
    public async Task Value_upserts_racing_their_attributes_delete_answer_200_or_422_and_leave_no_value_behind()
    {
        var store = await api.NewStoreAsync();
        var customerId = (await store.CreateCustomerAsync("valued@example.com")).GetProperty("id").GetInt32();
        var outcomes = new Outcomes();

        for (var round = 0; round < Rounds; round++)
        {
            var attributeId = (await store.CreateAttributesAsync(($"Attr {round}", "string"))).Single();
            await store.UpsertValuesAsync((customerId, attributeId, "start"));

            var (updates, delete) = await RaceAsync(
                i => store.V3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = customerId, attribute_id = attributeId, value = $"v {i}" } }),
                () => store.V3.DeleteAsync($"{AttributesUrl}?id:in={attributeId}"));

            await outcomes.ExpectAsync(delete, HttpStatusCode.NoContent);
            await outcomes.ExpectAllAsync(updates, HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity);
            await Outcomes.ShouldNameItemsAsync(updates, "0.attribute_id");
            (await (await store.V3.GetAsync(ValuesUrl)).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty();
        }

        Report(outcomes, "value upsert vs attribute delete");
    }

    [Fact]
    public async Task Address_updates_racing_the_customers_delete_answer_200_or_404()
    {
        var store = await api.NewStoreAsync();
        var outcomes = new Outcomes();
        var address = new
        {
            first_name = "Jane", last_name = "Doe", phone = "555", street_1 = "1 Main St", city = "Austin", state = "Texas", zip = "78701",
            country = "United States",
        };

        for (var round = 0; round < Rounds; round++)
        {
            var id = (await store.CreateCustomerAsync($"c{round}@example.com")).GetProperty("id").GetInt32();
            var addressId = (await (await store.V2.PostJsonAsync($"customers/{id}/addresses", address)).ShouldBeAsync(HttpStatusCode.Created))
                .GetProperty("id").GetInt32();

            var (updates, delete) = await RaceAsync(
                i => store.V2.PutJsonAsync($"customers/{id}/addresses/{addressId}", new { city = $"City {i}" }),
                () => store.V2.DeleteAsync($"customers/{id}"));

            await outcomes.ExpectAsync(delete, HttpStatusCode.NoContent);
            await outcomes.ExpectAllAsync(updates, HttpStatusCode.OK, HttpStatusCode.NotFound);
        }

        await ShouldBeEmptyStoreAsync(store);
        Report(outcomes, "address update vs customer delete");
    }

    /// <summary>
    /// Sends <see cref="Updaters"/> updates and one delete at once, the delete held back 0 to 3 ms (turn by turn) so that
    /// across the rounds it lands before, among and after the updates; returns their answers.
    /// </summary>
    private async Task<(HttpResponseMessage[] Updates, HttpResponseMessage Delete)> RaceAsync(
        Func<int, Task<HttpResponseMessage>> update, Func<Task<HttpResponseMessage>> delete)
    {
        var holdBack = TimeSpan.FromMilliseconds(_races++ % 4);
        var updates = Enumerable.Range(0, Updaters).Select(i => Task.Run(() => update(i))).ToArray();
        var deleting = Task.Run(async () =>
        {
            await Task.Delay(holdBack);
            return await delete();
        });
        return (await Task.WhenAll(updates), await deleting);
    }

    private int _races;

    /// <summary>A store whose customers were all deleted: none listed, a count of 0 (the store's own counter), no addresses.</summary>
    private static async Task ShouldBeEmptyStoreAsync(TestStore store)
    {
        (await store.V2.IdsAsync()).ShouldBeEmpty();
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        (await store.V2.GetFromJsonCountAsync("?min_id=1")).ShouldBe(0);
    }

    private void Report(Outcomes outcomes, string suite) =>
        figures.Print(suite, api.Provider.ToString(), outcomes.Tried, outcomes.ServerErrors, 0, outcomes.Summary);

    /// <summary>Tallies the answers of a test's rounds and checks each against what may be answered.</summary>
    private sealed class Outcomes
    {
        private readonly List<int> _statuses = [];

        public int Tried => _statuses.Count;
        public int ServerErrors => _statuses.Count(s => s >= 500);
        public string Summary => string.Join(", ", _statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}"));

        public async Task ExpectAsync(HttpResponseMessage response, params HttpStatusCode[] allowed) => await ExpectAllAsync([response], allowed);

        public async Task ExpectAllAsync(HttpResponseMessage[] responses, params HttpStatusCode[] allowed)
        {
            foreach (var response in responses)
            {
                _statuses.Add((int)response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                allowed.ShouldContain(response.StatusCode, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {body}");
                if ((int)response.StatusCode >= 400)
                {
                    ErrorFormat.Problem(response, body, (int)response.StatusCode).ShouldBeNull();
                }
            }
        }

        /// <summary>Every V3 422 among <paramref name="responses"/> names exactly <paramref name="key"/>.</summary>
        public static async Task ShouldNameItemsAsync(HttpResponseMessage[] responses, string key)
        {
            foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.UnprocessableEntity))
            {
                (await refused.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).Errors().Keys.ShouldBe([key]);
            }
        }
    }
}

public sealed class UpdateDeleteRaceTests_Sqlite(SqliteApi api, ReliabilityFigures figures)
    : UpdateDeleteRaceTests(api, figures), IClassFixture<SqliteApi>, IClassFixture<ReliabilityFigures>;

public sealed class UpdateDeleteRaceTests_Postgres(PostgresApi api, ReliabilityFigures figures)
    : UpdateDeleteRaceTests(api, figures), IClassFixture<PostgresApi>, IClassFixture<ReliabilityFigures>;
