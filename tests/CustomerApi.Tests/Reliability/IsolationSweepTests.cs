using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Issue 4, isolation: two populated stores, A (customers 1-3, group 1, attributes 1-2) and B (customers 1-6, groups
/// 1-3, attributes 1-4), every row of B marked "store-b". A's token on B's hash is refused on every route; A's
/// token on A's hash, with every filter aimed at B's rows and every write aimed at ids only B has, never shows or
/// changes anything of B; and A's own writes to the ids both stores use leave B as it was.
/// </summary>
public abstract class IsolationSweepTests(ApiFixture api, ReliabilityFigures figures)
{
    private const string MarkerB = "store-b";

    /// <summary>How many rows of each kind store A holds: no answer to A may hold more.</summary>
    private static readonly (string PathPart, int Rows)[] RowsOfA =
        [("/addresses", 1), ("attribute-values", 6), ("attributes", 2), ("customer_groups", 1), ("customers", 3)];

    [Fact]
    public async Task No_route_or_filter_lets_one_stores_token_read_or_change_another_store()
    {
        var (a, b) = (await api.NewStoreAsync(), await api.NewStoreAsync());
        await a.PopulateAsync("store-a", customers: 3, groups: 1, attributes: 2);
        await b.PopulateAsync(MarkerB, customers: 6, groups: 3, attributes: 4);
        var (aBefore, bBefore) = (await StoreSnapshot.TakeAsync(a), await StoreSnapshot.TakeAsync(b));

        var sweep = CrossStore(a, b).Concat(ReadsAimedAtB(a)).Concat(WritesAimedAtB(a)).ToList();
        var outcomes = await CorpusRunner.SendAllAsync(a.Factory.CreateDefaultClient(new SecretGuard(), new DocumentGuard(a.Factory)), sweep, Judge);
        var changes = (await StoreSnapshot.TakeAsync(a)).ChangesSince(aBefore).Concat((await StoreSnapshot.TakeAsync(b)).ChangesSince(bBefore)).ToList();

        var ownWrites = await WriteOwnRowsSharingBsIdsAsync(a);
        changes.AddRange((await StoreSnapshot.TakeAsync(b)).ChangesSince(bBefore).Select(c => "after A's own writes: " + c));

        var wrong = outcomes.Where(o => o.Problem is not null).ToList();
        figures.Print("isolation", api.Provider.ToString(), outcomes.Count + ownWrites, outcomes.Count(o => o.IsServerError), changes.Count,
            $"{wrong.Count(o => o.Problem!.StartsWith("leak", StringComparison.Ordinal))} leaks, {wrong.Count} wrong answers");
        var report = string.Join("\n", wrong.Select(o => o.Describe()).Concat(changes));
        (wrong.Count + changes.Count).ShouldBe(0, $"{wrong.Count} wrong answers of {outcomes.Count}, {changes.Count} snapshot sections changed:\n{report}");
    }

    /// <summary>Every route and every write below with A's token on B's hash, and B's on A's: 401, in the version's format.</summary>
    private static IEnumerable<HostileRequest> CrossStore(TestStore a, TestStore b)
    {
        var routes = HostileRoutes.All.Select(r => (r.Method, r.Path, r.Body)).Concat(WritesAimedAtB(a).Select(w => (w.Method, Relative(w.Url, a), Text(w.Body))));
        foreach (var (method, path, body) in routes)
        {
            foreach (var (token, hash) in new[] { (a.Token, b.Hash), (b.Token, a.Hash) })
            {
                var url = $"/stores/{hash}/{path}";
                var request = body is null ? new HostileRequest("cross-store", method, url) : HostileRequest.WithJson("cross-store", method, url, body);
                yield return request with { Token = token, Status = 401 };
            }
        }
    }

    /// <summary>A's lists and counts, filtered by what only B holds (its emails, names, ids, groups, attributes).</summary>
    private static IEnumerable<HostileRequest> ReadsAimedAtB(TestStore a)
    {
        var customers = new List<string>();
        for (var c = 1; c <= 6; c++)
        {
            customers.AddRange([$"email=store-b-{c}%40example.com", $"phone={c}{c}{c}", $"store_credit={c}", $"min_id={c}", $"max_id={c}"]);
        }

        customers.AddRange(["company=store-b", "tax_exempt_category=store-b", "first_name=Jane", "last_name=Doe", "min_id=4&max_id=6",
            "customer_group_id=2", "customer_group_id=3", "customer_group_id=1", "min_date_created=2000-01-01", "max_date_modified=2999-01-01",
            "page=2&limit=2", "limit=250"]);
        string[] groups = ["name=store-b%20group%202", "name=store-b%20group%201", "name%3Alike=store-b", "name%3Alike=group", "is_default=false",
            "is_group_for_guests=false", "date_created%3Amin=2000-01-01", "limit=250"];
        string[] attributes = ["name=store-b%20attribute%203", "name%3Alike=store-b", "name%3Alike=attribute", "type=string", "type=number",
            "date_created%3Amin=2000-01-01", "date_modified%3Amax=2999-01-01", "limit=250", "page=2&limit=1"];
        string[] values = ["customer_id%3Ain=4,5,6", "customer_id%3Ain=1,2,3,4,5,6", "attribute_id%3Ain=3,4", "attribute_id%3Ain=1,2,3,4",
            "name=store-b%20attribute%203", "name=store-a%20attribute%202", "date_created%3Amin=2000-01-01", "limit=250", "page=2&limit=4"];

        var reads = customers.SelectMany(q => new[] { $"v2/customers?{q}", $"v2/customers/count?{q}" })
            .Concat(groups.SelectMany(q => new[] { $"v2/customer_groups?{q}", $"v2/customer_groups/count?{q}" }))
            .Concat(attributes.Select(q => $"v3/customers/attributes?{q}"))
            .Concat(values.Select(q => $"v3/customers/attribute-values?{q}"))
            .Concat(["v2/customers", "v2/customers/1/addresses", "v2/customers/1/addresses/count", "v2/customer_groups", "v3/customers/attributes",
                "v3/customers/attribute-values"])
            .Concat(from id in Enumerable.Range(4, 3)
                    from path in new[] { $"v2/customers/{id}", $"v2/customers/{id}/addresses", $"v2/customers/{id}/addresses/count",
                        $"v2/customers/1/addresses/{id}", $"v2/customers/{id}/addresses/{id}" }
                    select path)
            .Concat(["v2/customers/1/addresses/2", "v2/customers/2/addresses/3", "v2/customer_groups/2", "v2/customer_groups/3"])
            .Concat(["v3/customers/1/consent", "v3/customers/4/consent", "v3/customers/6/consent", "v3/customers/4/stored-instruments"])
            .Concat(["v3/customers/4/metafields", "v3/customers/4/metafields/1", "v3/customers/metafields?key=store-b"]);
        return reads.Select(path => new HostileRequest("read-aimed-at-b", "GET", $"/stores/{a.Hash}/{path}") { Token = a.Token });
    }

    /// <summary>Writes through A's own hash at ids only B has, or with B's filter values: refused, or deleting nothing.</summary>
    private static IEnumerable<HostileRequest> WritesAimedAtB(TestStore a)
    {
        const string Address = """{"first_name":"A","last_name":"A","street_1":"1 A St","city":"Austin","state":"Texas","zip":"78757","country":"United States","phone":"555"}""";
        var writes = new (string Method, string Path, string? Body)[]
        {
            ("PUT", "v2/customers/4", """{"company":"from-a"}"""),
            ("DELETE", "v2/customers/5", null),
            ("POST", "v2/customers/6/validate", """{"password":"Correct1horse"}"""),
            ("POST", "v2/customers/4/addresses", Address),
            ("DELETE", "v2/customers/4/addresses", null),
            ("PUT", "v2/customers/1/addresses/4", """{"city":"from-a"}"""),
            ("PUT", "v2/customers/4/addresses/4", """{"city":"from-a"}"""),
            ("DELETE", "v2/customers/1/addresses/5", null),
            ("DELETE", "v2/customers/6/addresses/6", null),
            ("DELETE", "v2/customers/2/addresses/3", null),
            ("PUT", "v2/customer_groups/3", """{"name":"from-a"}"""),
            ("DELETE", "v2/customer_groups/2", null),
            ("PUT", "v2/customers/1", """{"customer_group_id":3}"""),
            ("POST", "v2/customers", """{"first_name":"A","last_name":"A","email":"new-a@example.com","customer_group_id":2}"""),
            ("PUT", "v3/customers/attributes", """[{"id":3,"name":"from-a"}]"""),
            ("PUT", "v3/customers/attributes", """[{"id":4,"name":"from-a","type":"string"}]"""),
            ("PUT", "v3/customers/attribute-values", """[{"customer_id":4,"attribute_id":1,"value":"5"}]"""),
            ("PUT", "v3/customers/attribute-values", """[{"customer_id":1,"attribute_id":3,"value":"from-a"}]"""),
            ("PUT", "v3/customers/attribute-values", """[{"customer_id":1,"attribute_id":1,"value":"5","id":7}]"""),
            ("DELETE", "v3/customers/attributes?id:in=3,4", null),
            ("DELETE", $"v3/customers/attribute-values?id:in={string.Join(',', Enumerable.Range(7, 18))}", null),
            ("PUT", "v3/customers/4/consent", """{"allow":["essential"],"deny":["targeting"]}"""),
            ("PUT", "v3/customers/6/consent", """{}"""),
            ("PUT", "v3/customers/settings", """{"customer_group_settings":{"guest_customer_group_id":3,"default_customer_group_id":2}}"""),
            ("PUT", "v3/customers/settings/channels/1", """{"customer_group_settings":{"default_customer_group_id":3}}"""),
            ("POST", "v3/customers/4/metafields", """{"permission_set":"write","namespace":"a","key":"from-a","value":"x"}"""),
            ("PUT", "v3/customers/4/metafields/1", """{"value":"from-a"}"""),
            ("DELETE", "v3/customers/4/metafields/1", null),
            ("DELETE", "v2/customers?min_id=4", null),
            ("DELETE", "v2/customers?email=store-b-1%40example.com", null),
            ("DELETE", "v2/customers?company=store-b", null),
            ("DELETE", "v2/customers?customer_group_id=2", null),
            ("DELETE", "v2/customers?min_id=4&max_id=6", null),
        };
        return writes.Select(w => (w.Body is null
            ? new HostileRequest("write-aimed-at-b", w.Method, $"/stores/{a.Hash}/{w.Path}")
            : HostileRequest.WithJson("write-aimed-at-b", w.Method, $"/stores/{a.Hash}/{w.Path}", w.Body)) with { Token = a.Token });
    }

    /// <summary>A changes and deletes its own rows with the ids B also uses, and takes B's names and emails; returns how many calls it made.</summary>
    private static async Task<int> WriteOwnRowsSharingBsIdsAsync(TestStore a)
    {
        (await a.V2.PutJsonAsync("customers/1", new { company = "store-a changed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.V2.PutJsonAsync("customers/1/addresses/1", new { city = "store-a city" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.V2.PutJsonAsync("customer_groups/1", new { name = "store-a group renamed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.V3.PutJsonAsync("customers/attributes", new[] { new { id = 1, name = "store-a renamed" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.V3.PutJsonAsync("customers/attribute-values", new[] { new { customer_id = 1, attribute_id = 1, value = "77" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await a.CreateCustomerAsync("store-b-1@example.com"); // emails, group and attribute names are unique per store, not across stores
        (await a.V2.PostJsonAsync("customer_groups", new { name = "store-b group 1" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await a.CreateAttributesAsync(("store-b attribute 1", "string"))).ShouldBe([3]);
        foreach (var path in new[] { "v3/customers/attribute-values?id:in=1,2", "v3/customers/attributes?id:in=1", "v2/customers/1/addresses/1",
            "v2/customer_groups/1", "v2/customers/1", "v2/customers" })
        {
            (await a.V2.DeleteAsync(new Uri($"http://localhost/stores/{a.Hash}/{path}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent, path);
        }

        return 14;
    }

    private static string? Judge(HostileRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (body.Contains(MarkerB, StringComparison.OrdinalIgnoreCase))
        {
            return "leak: the answer holds store B's data";
        }

        if (request.Status is not null || status >= 400)
        {
            return ErrorFormat.Problem(response, body, request.Status);
        }

        return status == 204 ? null : TooManyRows(response.RequestMessage!.RequestUri!.AbsolutePath, body);
    }

    /// <summary>A list or count holding more rows than store A has of that kind: some came from B.</summary>
    private static string? TooManyRows(string path, string body)
    {
        var json = JsonDocument.Parse(body).RootElement;
        var rows = json.ValueKind == JsonValueKind.Array ? json.GetArrayLength()
            : json.TryGetProperty("count", out var count) ? count.GetInt32()
            : json.TryGetProperty("meta", out var meta) && meta.TryGetProperty("pagination", out var page) ? page.GetProperty("total").GetInt32()
            : 1;
        var most = RowsOfA.First(k => path.Contains(k.PathPart, StringComparison.Ordinal)).Rows;
        return rows <= most ? null : $"leak: {rows} rows where store A has at most {most}";
    }

    private static string Relative(string url, TestStore store) => url[$"/stores/{store.Hash}/".Length..];

    private static string? Text(byte[]? body) => body is null ? null : System.Text.Encoding.UTF8.GetString(body);
}

public sealed class IsolationSweepTests_Sqlite(SqliteApi api, ReliabilityFigures figures)
    : IsolationSweepTests(api, figures), IClassFixture<SqliteApi>, IClassFixture<ReliabilityFigures>;

public sealed class IsolationSweepTests_Postgres(PostgresApi api, ReliabilityFigures figures)
    : IsolationSweepTests(api, figures), IClassFixture<PostgresApi>, IClassFixture<ReliabilityFigures>;
