using System.Text;
using System.Text.Json.Nodes;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Bodies every write route must refuse: broken JSON, the wrong shape, too deep, invalid UTF-8, too big, the wrong
/// content type, duplicate and unknown keys, and each field given values of the wrong type, out of range, too long or
/// full of SQL and path metacharacters where such text cannot be valid.
/// </summary>
public static class HostileBodies
{
    public const string Sql = "' OR '1'='1";
    public const string SqlDrop = "'; DROP TABLE customers;--";
    public const string Traversal = "../../../etc/passwd";
    public const string BackslashTraversal = @"..\..\windows\win.ini";

    /// <summary>Texts that mean something to a database or a file system; as JSON string literals.</summary>
    public static readonly string[] Metacharacters =
        [Quote(Sql), Quote(SqlDrop), Quote(Traversal), Quote(BackslashTraversal), Quote("%2e%2e%2f"), Quote("%00"), "\"\\u0000\""];

    private const string Placeholder = "\"__hostile__\"";

    public static IEnumerable<HostileRequest> For(HostileRoute route, string url, string token)
    {
        var body = route.Body!;
        HostileRequest Raw(string category, string json) => HostileRequest.WithJson(category, route.Method, url, json) with { Token = token };
        HostileRequest Bytes(string category, byte[] bytes) => new HostileRequest(category, route.Method, url, bytes) with { Token = token };

        foreach (var broken in new[] { body[..(body.Length / 2)], body[..^1], body + " trailing", body + body, body.Replace('"', '\''), "{", "not json", "{\"a\":}", "", "   " })
        {
            yield return Raw("malformed-json", broken);
        }

        string[] wrongShapes = route.IsV3
            ? [body[1..^1], "42", "\"text\"", "null", "true", "{}", "[]", "[null]", "[1]", "[[]]", "[\"x\"]"]
            : ["[" + body + "]", "42", "\"text\"", "null", "true", "[]"];
        foreach (var shape in wrongShapes)
        {
            yield return Raw("wrong-shape", shape);
        }

        yield return Raw("deep-nesting", new string('[', 10_000) + new string(']', 10_000));
        yield return Raw("deep-nesting", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        yield return Raw("deep-nesting", Set(body, route.Fields[0].Path, new string('[', 10_000) + new string(']', 10_000)));

        foreach (var bad in new byte[][] { [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xC3], [0xF8, 0x88, 0x80, 0x80, 0x80] })
        {
            yield return Bytes("invalid-utf8", InFirstString(body, bad));
        }

        yield return Raw("invalid-utf16", Set(body, route.Fields[0].Path, "\"\\uD800\""));

        foreach (var (type, text) in new[] { ("text/plain", body), ("application/xml", "<customer><first_name>x</first_name></customer>"),
            ("application/x-www-form-urlencoded", "first_name=x&email=x%40example.com"), ("multipart/form-data; boundary=x", "--x--"),
            ("application/octet-stream", body), ("text/json; charset=utf-7", body), ("application/json; charset=nonsense", body),
            ("application/json; charset=utf-7", body), ("application/json; charset=utf-32", body) })
        {
            yield return Raw("content-type", text) with { ContentType = type };
        }

        yield return Raw("content-type", body) with { ContentType = null };

        // A key sent twice is refused (JsonSetup), not last-wins: a client sending two emails cannot mean both, and
        // BigCommerce documents no winner. So it belongs here, with the requests that must write nothing.
        var firstKey = route.Fields[0].Path.Split('.')[^1];
        yield return Raw("duplicate-key", DuplicateFirstKey(body, firstKey));
        foreach (var key in new[] { "hostile_field", Sql, SqlDrop, Traversal, "\\u0000", "FIRST_NAME" })
        {
            yield return Raw("unknown-field", AddKey(body, key));
        }

        var everything = route.Fields.Where(f => f.Kind == FieldKind.Text).Aggregate(body, (json, field) => Set(json, field.Path, Quote(SqlDrop)));
        yield return Raw("sql-everywhere", AddKey(everything, "hostile_field"));

        foreach (var field in route.Fields)
        {
            foreach (var value in Values(field))
            {
                yield return Raw($"field:{field.Kind}", Set(body, field.Path, value));
            }
        }
    }

    /// <summary>A body of about 10 MB that would otherwise succeed.</summary>
    public static HostileRequest Huge(HostileRoute route, string url, string token) =>
        HostileRequest.WithJson("10MB-body", route.Method, url, Set(route.Body!, route.Fields[0].Path, Quote(new string('x', 10 * 1024 * 1024)))) with { Token = token };

    /// <summary>Values <paramref name="field"/> must refuse, as JSON literals.</summary>
    public static IEnumerable<string> Values(BodyField field)
    {
        string[] notText = ["123", "true", "[]", "{}", "1e400", "99999999999999999999"];
        string[] numbers = ["1e400", "-1", "99999999999999999999", "\"abc\"", Quote(SqlDrop), "true", "[]", "{}"];
        return field.Kind switch
        {
            FieldKind.Text => [.. notText, Quote(new string('x', field.MaxLength + 1)), Quote(Repeat(SqlDrop, field.MaxLength + 1)),
                "\"Ja\\u0000ne\"", "\"\\uDC00x\""],
            FieldKind.Email => [.. notText, .. Metacharacters, "\"x@y\"", "\"a\\u0000b@example.com\"", Quote(new string('a', 250) + "@example.com")],
            FieldKind.Word => [.. notText, .. Metacharacters, "\"\""],
            FieldKind.NewPassword => [.. notText, "\"'--\"", "\"../\"", "\"%00\"", "\"\\u0000\"", "\"onlyletters\"", Quote(new string('a', 255) + "1")],
            FieldKind.AnyPassword => notText,
            FieldKind.NumberText => [.. notText, .. Metacharacters, "\"1e400\"", "\"NaN\"", "\"Infinity\"", "\"0x1A\"", "\"\"", Quote(new string('9', 256))],
            FieldKind.Id => ["\"1\"", "1.5", "true", "[]", "{}", "1e400", "2147483648", "99999999999999999999", "-1", "-2147483649", Quote(SqlDrop)],
            FieldKind.Money => [.. numbers, "-0.01", "1e20", "\"1e3\"", "\"../1\""],
            FieldKind.Percent => [.. numbers, "101", "100.01"],
            FieldKind.Bool => ["\"yes\"", "1", "0", "\"true\"", "[]", "{}", Quote(Sql)],
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    public static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Repeat(string text, int length) => string.Concat(Enumerable.Repeat(text, length / text.Length + 1))[..length];

    /// <summary>The body with the field at the dotted <paramref name="path"/> set to the raw JSON <paramref name="rawValue"/>.</summary>
    public static string Set(string body, string path, string rawValue)
    {
        var root = JsonNode.Parse(body)!;
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        var last = parts[^1];
        if (int.TryParse(last, out var index))
        {
            parent[index] = "__hostile__";
        }
        else
        {
            parent[last] = "__hostile__";
        }

        return root.ToJsonString().Replace(Placeholder, rawValue, StringComparison.Ordinal);
    }

    private static string DuplicateFirstKey(string body, string key)
    {
        var at = body.IndexOf('{', StringComparison.Ordinal) + 1;
        return body[..at] + Quote(key) + ":" + (key.EndsWith("id", StringComparison.Ordinal) ? "2" : "\"duplicate\"") + "," + body[at..];
    }

    private static string AddKey(string body, string key)
    {
        var at = body.IndexOf('{', StringComparison.Ordinal) + 1;
        return body[..at] + "\"" + key + "\":1," + body[at..];
    }

    /// <summary>The body's bytes with <paramref name="bad"/> put at the start of its first string value.</summary>
    private static byte[] InFirstString(string body, byte[] bad)
    {
        var at = body.IndexOf(":\"", StringComparison.Ordinal) + 2;
        return [.. Encoding.UTF8.GetBytes(body[..at]), .. bad, .. Encoding.UTF8.GetBytes(body[at..])];
    }
}
