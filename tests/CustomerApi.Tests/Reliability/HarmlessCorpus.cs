namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Hostile-looking requests that are legitimately accepted: SQL, path and LIKE metacharacters in text filters are
/// just text that no row holds, and dates at the very end of the calendar are dates. Each must answer 2xx with an
/// empty result (V2 204 or a count of 0, V3 <c>data: []</c>) and write nothing, not even through a DELETE.
/// </summary>
public static class HarmlessCorpus
{
    private static readonly string[] Texts =
    [
        "%27%20OR%20%271%27%3D%271", "%27%3B%20DROP%20TABLE%20customers%3B--", "%22%20OR%20%22%22%3D%22", "..%2F..%2F..%2Fetc%2Fpasswd",
        "..%5C..%5Cwindows", "%2e%2e%2f", "%25", "_", "%25%25", "*", "%5C", "%27", "a%27%27b", "%E2%80%AE", "%F0%9F%98%80", "%FF", "%ED%A0%80",
    ];

    public static List<HostileRequest> Build(string hash, string token)
    {
        var requests = new List<HostileRequest>();
        void Add(string method, string pathAndQuery) =>
            requests.Add(new HostileRequest("harmless", method, $"/stores/{hash}/{pathAndQuery}") { Token = token });

        foreach (var text in Texts)
        {
            foreach (var name in new[] { "email", "first_name", "last_name", "company", "phone", "tax_exempt_category" })
            {
                Add("GET", $"v2/customers?{name}={text}");
                Add("GET", $"v2/customers/count?{name}={text}");
                Add("DELETE", $"v2/customers?{name}={text}");
            }

            foreach (var name in new[] { "name", "name:like" })
            {
                Add("GET", $"v2/customer_groups?{name}={text}");
                Add("GET", $"v2/customer_groups/count?{name}={text}");
                Add("GET", $"v3/customers/attributes?{name}={text}");
            }

            Add("GET", $"v3/customers/attribute-values?name={text}");
        }

        foreach (var query in new[] { "min_date_created=9999-12-31T23%3A59%3A59", "max_date_created=0001-01-01", "min_id=2147483647",
            "max_id=-2147483648" })
        {
            Add("GET", $"v2/customers?{query}");
            Add("GET", $"v2/customers/count?{query}");
            Add("DELETE", $"v2/customers?{query}");
        }

        Add("GET", "v2/customers?page=2147483647&limit=250");

        foreach (var query in new[] { "date_created=9999-12-31", "date_created=9999-12-31T23%3A59%3A59", "date_modified=99999999999",
            "date_created%3Amin=99999999999", "date_modified%3Amax=0001-01-01", "page=2147483647&limit=250" })
        {
            Add("GET", $"v2/customer_groups?{query}");
            Add("GET", $"v3/customers/attributes?{query}");
            Add("GET", $"v3/customers/attribute-values?{query}");
        }

        Add("GET", "v2/customers/1/addresses?page=2147483647&limit=250");
        Add("DELETE", "v3/customers/attributes?id:in=2147483647");
        Add("DELETE", "v3/customers/attribute-values?id:in=2147483647,999");
        Add("DELETE", "v3/customers/attributes?id:in=");
        return requests;
    }
}
