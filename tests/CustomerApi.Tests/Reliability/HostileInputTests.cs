using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Issue 4, hostile input: a corpus of requests the API must refuse, on every route, each answered with a 4xx in
/// its version's BigCommerce error format and never a 5xx, the store's data (API view and database rows) unchanged.
/// </summary>
public abstract class HostileInputTests(ApiFixture api, ReliabilityFigures figures)
{
    [Fact]
    public async Task Every_hostile_request_is_refused_with_a_4xx_in_its_versions_format_and_changes_nothing()
    {
        var (store, bystander) = (await api.NewStoreAsync(), await api.NewStoreAsync());
        await store.PopulateAsync("victim", customers: 2, groups: 2, attributes: 2);
        await bystander.PopulateAsync("bystander", customers: 1, groups: 1, attributes: 1);
        var corpus = HostileCorpus.Build(store.Hash, store.Token, bystander.Token);
        var (before, bystanderBefore) = (await StoreSnapshot.TakeAsync(store), await StoreSnapshot.TakeAsync(bystander));

        var outcomes = await CorpusRunner.SendAllAsync(store.Factory.CreateDefaultClient(new SecretGuard(), new DocumentGuard(store.Factory)), corpus,
            (request, response, body) => ErrorFormat.Problem(response, body, request.Status));

        var changes = (await StoreSnapshot.TakeAsync(store)).ChangesSince(before)
            .Concat((await StoreSnapshot.TakeAsync(bystander)).ChangesSince(bystanderBefore)).ToList();
        Report("hostile-input", corpus, outcomes, changes);
    }

    [Fact]
    public async Task Hostile_looking_text_filters_and_calendar_edges_are_answered_empty_and_change_nothing()
    {
        var store = await api.NewStoreAsync();
        await store.PopulateAsync("victim", customers: 2, groups: 2, attributes: 2);
        var corpus = HarmlessCorpus.Build(store.Hash, store.Token);
        var before = await StoreSnapshot.TakeAsync(store);

        var outcomes = await CorpusRunner.SendAllAsync(store.Factory.CreateDefaultClient(new SecretGuard(), new DocumentGuard(store.Factory)), corpus, (_, response, body) => EmptyAnswerProblem(response, body));

        Report("hostile-harmless", corpus, outcomes, (await StoreSnapshot.TakeAsync(store)).ChangesSince(before));
    }

    [Fact]
    public async Task Sql_and_path_metacharacters_in_free_text_are_stored_and_returned_verbatim()
    {
        var store = await api.NewStoreAsync();
        string[] texts = [HostileBodies.Sql, HostileBodies.SqlDrop, HostileBodies.Traversal, HostileBodies.BackslashTraversal, "%00 %2e%2e%2f _%*", "\"quoted\" \\ ; --"];
        var requests = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            var customer = await store.CreateCustomerAsync($"text{i}@example.com", new { company = text, notes = text, phone = text[..Math.Min(50, text.Length)], tax_exempt_category = text });
            var id = customer.GetProperty("id").GetInt32();
            var read = await (await store.V2.GetAsync($"customers/{id}")).ShouldBeAsync(HttpStatusCode.OK);
            read.GetProperty("company").GetString().ShouldBe(text);
            read.GetProperty("notes").GetString().ShouldBe(text);
            read.GetProperty("tax_exempt_category").GetString().ShouldBe(text);
            (await store.V2.GetFromJsonCountAsync("?company=" + Uri.EscapeDataString(text))).ShouldBe(1);
            var address = await (await store.V2.PostJsonAsync($"customers/{id}/addresses", new
            {
                first_name = text, last_name = text, street_1 = text, city = text, state = text, zip = text[..Math.Min(30, text.Length)],
                country = "United States", phone = "555",
            })).ShouldBeAsync(HttpStatusCode.Created);
            address.GetProperty("street_1").GetString().ShouldBe(text);
            var group = await (await store.V2.PostJsonAsync("customer_groups", new { name = text })).ShouldBeAsync(HttpStatusCode.Created);
            group.GetProperty("name").GetString().ShouldBe(text);
            (await store.CreateAttributesAsync((text, "string"))).Single().ShouldBe(i + 1);
            (await store.UpsertValuesAsync((id, i + 1, text))).Single().GetProperty("attribute_value").GetString().ShouldBe(text);
            requests += 7;
        }

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(texts.Length);
        (await store.AttributeNamesAsync()).ShouldBe(texts);
        figures.Print("hostile-verbatim", api.Provider.ToString(), requests + 2, 0, 0);
    }

    /// <summary>A harmless request must succeed with nothing in it: V2 204 or a count of 0, V3 an empty <c>data</c>.</summary>
    private static string? EmptyAnswerProblem(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status == 204)
        {
            return body.Length == 0 ? null : "204 with a body";
        }

        if (status != 200)
        {
            return $"status {status}, expected 200 or 204";
        }

        var json = JsonDocument.Parse(body).RootElement;
        var empty = json.ValueKind == JsonValueKind.Object
            && (json.TryGetProperty("count", out var count) && count.GetInt32() == 0
                || json.TryGetProperty("data", out var data) && data.GetArrayLength() == 0);
        return empty ? null : "expected an empty answer";
    }

    private void Report(string suite, List<HostileRequest> corpus, IReadOnlyList<Outcome> outcomes, IReadOnlyList<string> changes)
    {
        var wrong = outcomes.Where(o => o.Problem is not null).OrderBy(o => o.Request.Category, StringComparer.Ordinal).ToList();
        var categories = corpus.Select(r => r.Category).Distinct().Count();
        figures.Print(suite, api.Provider.ToString(), outcomes.Count, outcomes.Count(o => o.IsServerError), changes.Count,
            $"{categories} categories, {wrong.Count} wrong answers");

        outcomes.Count.ShouldBe(corpus.Count);
        var report = string.Join("\n", wrong.Select(o => o.Describe()).Concat(changes));
        (wrong.Count + changes.Count).ShouldBe(0, $"{wrong.Count} wrong answers of {outcomes.Count}, {changes.Count} snapshot sections changed:\n{report}");
    }
}

public sealed class HostileInputTests_Sqlite(SqliteApi api, ReliabilityFigures figures) : HostileInputTests(api, figures), IClassFixture<SqliteApi>, IClassFixture<ReliabilityFigures>;

public sealed class HostileInputTests_Postgres(PostgresApi api, ReliabilityFigures figures) : HostileInputTests(api, figures), IClassFixture<PostgresApi>, IClassFixture<ReliabilityFigures>;
