using CustomerApi.Infrastructure.Querying;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// The requests a store must refuse (any 4xx, in its version's error format) without a trace in its data: hostile
/// bodies on every write route, and on every route missing or forged tokens, hostile store hashes, route ids and
/// query filters. Only requests that should be refused belong here; the legitimately accepted hostile-looking ones
/// (SQL in a free-text field or a text filter, which is just text) are in <see cref="HarmlessCorpus"/>. PATCH is
/// left out: it is a documented 501 (HttpErrorTests), not a refusal of the request's content; HEAD carries no body
/// to judge.
/// </summary>
public static class HostileCorpus
{
    private const string Sql = "%27%20OR%20%271%27%3D%271";
    private static readonly string[] V3DateNames =
        ["date_created", "date_created:min", "date_created:max", "date_modified", "date_modified:min", "date_modified:max"];

    public static List<HostileRequest> Build(string hash, string token, string otherStoresToken)
    {
        var corpus = new List<HostileRequest>();
        string Url(HostileRoute route) => $"/stores/{hash}/{route.Path}";

        foreach (var route in HostileRoutes.WithBodies)
        {
            corpus.AddRange(HostileBodies.For(route, Url(route), token));
        }

        corpus.Add(HostileBodies.Huge(HostileRoutes.All.Single(r => r is { Method: "POST", Path: "v2/customers" }), $"/stores/{hash}/v2/customers", token));
        var values = HostileRoutes.All.Single(r => r is { Method: "PUT", Path: "v3/customers/attribute-values" });
        corpus.Add(HostileBodies.Huge(values, Url(values), token));

        foreach (var route in HostileRoutes.All)
        {
            corpus.AddRange(BadTokens(token, otherStoresToken).Select(bad => Send(route, "token:" + bad.Name, Url(route), bad.Token) with
            {
                Headers = bad.Headers,
                Status = 401,
            }));
            corpus.AddRange(HostileHashes(hash).Select(bad => Send(route, "store-hash", $"/stores/{bad}/{route.Path}", token)));
            corpus.AddRange(HostileIds(route).Select(path => Send(route, "route-id", $"/stores/{hash}/{path}", token)));
        }

        corpus.AddRange(HostileQueries().Select(q => new HostileRequest("query", q.Method, $"/stores/{hash}/{q.Path}") { Token = token }));
        return corpus;
    }

    private static HostileRequest Send(HostileRoute route, string category, string url, string? token) =>
        (route.Body is null ? new HostileRequest(category, route.Method, url) : HostileRequest.WithJson(category, route.Method, url, route.Body)) with
        {
            Token = token,
        };

    private static IEnumerable<(string Name, string? Token, IReadOnlyList<(string, string)> Headers)> BadTokens(string token, string otherStoresToken)
    {
        yield return ("none", null, []);
        yield return ("empty", "", []);
        yield return ("forged", Guid.NewGuid().ToString("N"), []);
        yield return ("upper-case", token.ToUpperInvariant(), []);
        yield return ("sql", "' OR '1'='1", []);
        yield return ("traversal", "../../../etc/passwd", []);
        yield return ("other-store", otherStoresToken, []);
        yield return ("twice", token, [("X-Auth-Token", Guid.NewGuid().ToString("N"))]);
        yield return ("bearer-only", null, [("Authorization", "Bearer " + token)]);
        yield return ("prefixed", "Bearer " + token, []);
        yield return ("8KB", new string('a', 8192), []);
    }

    /// <summary>
    /// Store hashes that are not the store's (each still with the store's token); URL-encoded where needed. No %00:
    /// a path holding it cannot be sent ("The path contains null characters"), so it never reaches the service, and
    /// no raw dot segments, which the client resolves away before sending.
    /// </summary>
    private static string[] HostileHashes(string hash) =>
    [
        Sql, "%27%3B%20DROP%20TABLE%20stores%3B--", hash + "%27--", hash + Sql, "..%2F" + hash, "%2e%2e%2f" + hash, hash + "%2F",
        hash + "%5C", hash.ToUpperInvariant(), hash + "%20", "*", "%25", new string('a', 300), "%ED%A0%80", "%FF", hash + ";", hash + "%0D%0A",
        "-1", "99999999999999999999", "1e400",
    ];

    /// <summary>
    /// The route with each of its ids in turn replaced by ids that name nothing (or nothing that is an id). Not "+1",
    /// " 1" or "01": those read as id 1. No %00 (see <see cref="HostileHashes"/>).
    /// </summary>
    private static IEnumerable<string> HostileIds(HostileRoute route)
    {
        string[] ids =
        [
            "0", "-1", "999", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x1", "1.0", "abc",
            "1%3BDROP%20TABLE%20customers", "1%20OR%201%3D1", Sql, "..%2F..%2F", "%2e%2e%2f1", "..%5C1", "%FF",
        ];
        var path = route.Path.Split('?')[0];
        var query = route.Path.Contains('?', StringComparison.Ordinal) ? "?" + route.Path.Split('?')[1] : "";
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] != "1")
            {
                continue;
            }

            foreach (var id in ids)
            {
                var changed = (string[])segments.Clone();
                changed[i] = id;
                yield return string.Join('/', changed) + query;
            }
        }
    }

    private static IEnumerable<(string Method, string Path)> HostileQueries()
    {
        string[] unknownNames = ["foo=1", Sql + "=1", "email%27--=x", "..%2F=1", "%00=1", "Email=x", "id=1", "limit%00=1", "page[]=1"];
        string[] badInts = ["abc", "1%20OR%201%3D1", "1%3BDROP%20TABLE%20customers", "2147483648", "99999999999999999999", "1e400", "1.5", "%00", "..%2F1", ""];
        string[] badDates = ["2024-13-45", Sql, "99999999999999999999", "..%2F..%2F", "%00", "1e400", "-1"];
        string[] badBools = ["yes", "2", Sql, "%00", ""];
        string[] badIdLists = ["1%20OR%201%3D1", "1%3BDROP%20TABLE%20x", "-1", "0", "2147483648", "1,abc", "1,,2", "%00", "..%2F1", "1e3",
            string.Join(',', Enumerable.Range(1, IdList.MaxCount + 1))];
        string[] paging = ["page=-1", "page=0", "page=abc", "page=2147483648", "page=1e400", "limit=-1", "limit=0", "limit=abc",
            "limit=2147483648", "limit=99999999999999999999", "page=1&page=2", "limit=5&limit=abc"];
        string[] v2Paging = [.. paging, "limit=251", "limit=2147483647"];
        string[] textNul = ["%00", "a%00b"];

        IEnumerable<string> V2Customers()
        {
            foreach (var name in new[] { "min_id", "max_id", "customer_group_id" })
            {
                foreach (var value in badInts)
                {
                    yield return $"{name}={value}";
                }
            }

            foreach (var value in new[] { "abc", "1e400", "%27--", "..%2F", "", "1%2C5" })
            {
                yield return "store_credit=" + value;
            }

            foreach (var name in new[] { "min_date_created", "max_date_created", "min_date_modified", "max_date_modified" })
            {
                foreach (var value in badDates)
                {
                    yield return $"{name}={value}";
                }
            }

            foreach (var name in new[] { "email", "first_name", "last_name", "company", "phone", "tax_exempt_category" })
            {
                foreach (var value in textNul)
                {
                    yield return $"{name}={value}";
                }
            }

            yield return "min_id=1&min_id=abc";
        }

        IEnumerable<string> V3Dates() =>
            from name in V3DateNames
            from value in badDates
            select $"{name}={value}";

        IEnumerable<string> Bools(params string[] names) => from name in names from value in badBools select $"{name}={value}";
        IEnumerable<string> IdLists(params string[] names) => from name in names from value in badIdLists select $"{name}={value}";
        IEnumerable<string> Nul(params string[] names) => from name in names from value in textNul select $"{name}={value}";

        var lists = new (string[] Routes, IEnumerable<string> Queries)[]
        {
            (["GET v2/customers", "GET v2/customers/count", "DELETE v2/customers"], [.. unknownNames, .. V2Customers(), .. v2Paging]),
            (["GET v2/customers/1/addresses", "GET v2/customers/1/addresses/count", "DELETE v2/customers/1/addresses"], [.. unknownNames, .. v2Paging]),
            (["GET v2/customer_groups", "GET v2/customer_groups/count"],
                [.. unknownNames, .. Bools("is_default", "is_group_for_guests"), .. V3Dates(), .. Nul("name", "name:like"), .. v2Paging]),
            (["GET v3/customers/attributes"],
                [.. unknownNames, "type=" + Sql, "type=%00", "type=strin", "type=", .. V3Dates(), .. Nul("name", "name:like"), .. paging]),
            (["GET v3/customers/attribute-values"], [.. unknownNames, .. IdLists("customer_id:in", "attribute_id:in"), .. V3Dates(), .. Nul("name"), .. paging]),
            (["DELETE v3/customers/attributes", "DELETE v3/customers/attribute-values"], [.. unknownNames, .. IdLists("id:in"), "id:in=1&name=x"]),
        };
        foreach (var (routes, queries) in lists)
        {
            var all = queries.ToList();
            foreach (var route in routes)
            {
                var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
                foreach (var query in all)
                {
                    yield return (method, $"{path}?{query}");
                }
            }
        }
    }
}
