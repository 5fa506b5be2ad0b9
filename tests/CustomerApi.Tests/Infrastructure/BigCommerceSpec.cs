using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// BigCommerce's own OpenAPI description (shared/spec, beside the repository; or CUSTOMERAPI_SPEC_DIR), read so
/// tests can hold responses against the contract itself rather than against our reading of it. It is read when a test
/// first asks for it; where it is not found, the tests that need it fail saying where it was looked for.
/// </summary>
public sealed class BigCommerceSpec
{
    public const string EnvironmentVariable = "CUSTOMERAPI_SPEC_DIR";

    private static readonly Lazy<string?> Folder = new(Locate);
    private static readonly Lazy<BigCommerceSpec> CustomersV2 = new(() => Load("customers.v2.yml"));
    private static readonly Lazy<BigCommerceSpec> CustomersV3 = new(() => Load("customers.v3.yml"));

    private readonly YamlMappingNode _root;

    private BigCommerceSpec(YamlMappingNode root) => _root = root;

    /// <summary><c>customers.v2.yml</c>.</summary>
    public static BigCommerceSpec V2 => CustomersV2.Value;

    /// <summary><c>customers.v3.yml</c>.</summary>
    public static BigCommerceSpec V3 => CustomersV3.Value;

    private static BigCommerceSpec Load(string fileName)
    {
        var folder = Folder.Value ?? throw new InvalidOperationException(
            $"BigCommerce's spec ({fileName}) was not found in a shared/spec folder above {AppContext.BaseDirectory}; set {EnvironmentVariable}.");
        var yaml = new YamlStream();
        using var reader = File.OpenText(Path.Combine(folder, fileName));
        yaml.Load(reader);
        return new BigCommerceSpec((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    /// <summary>The folder <see cref="EnvironmentVariable"/> names (a wrong one fails the tests: it was asked for), else a shared/spec found above.</summary>
    private static string? Locate() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given ? given : FindSharedSpec();

    public IEnumerable<string> Paths => ((YamlMappingNode)_root["paths"]).Children.Keys.Select(k => k.ToString());

    /// <summary>The operationId and summary BigCommerce gives <paramref name="method"/> (lower case) on <paramref name="path"/>.</summary>
    public (string? OperationId, string? Summary) Operation(string path, string method)
    {
        var operation = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)_root["paths"])[path])[method];
        string? Text(string key) => operation.Children.TryGetValue(key, out var value) ? value.ToString() : null;
        return (Text("operationId"), Text("summary"));
    }

    public IEnumerable<string> Methods(string path) =>
        ((YamlMappingNode)((YamlMappingNode)_root["paths"])[path]).Children.Keys.Select(k => k.ToString()).Where(k => k != "parameters");

    /// <summary>
    /// Asserts that every method of every spec path <paramref name="paths"/> selects is in the service's own OpenAPI
    /// document under <paramref name="prefix"/> (e.g. <c>/stores/{store_hash}/v2</c>); returns how many paths it checked.
    /// </summary>
    public async Task<int> ShouldServeEveryMethodAsync(HttpClient anonymous, string prefix, Func<string, bool> paths)
    {
        var served = (await (await anonymous.GetAsync("openapi/v1.json")).ShouldBeAsync(System.Net.HttpStatusCode.OK)).GetProperty("paths");
        var selected = Paths.Where(paths).ToList();
        foreach (var path in selected)
        {
            var ours = served.GetProperty(prefix + path);
            foreach (var method in Methods(path))
            {
                ours.TryGetProperty(method, out _).ShouldBeTrue($"{method.ToUpperInvariant()} {path}");
            }
        }

        return selected.Count;
    }

    /// <summary>Every property a schema declares, following allOf and $ref, with its declared type.</summary>
    public IReadOnlyDictionary<string, (string Type, bool Nullable)> Properties(string schema)
    {
        var found = new Dictionary<string, (string, bool)>();
        Collect(Schema(schema), found);
        return found;
    }

    /// <summary>
    /// Every property of the schema found by walking <paramref name="path"/> down from the document root, for the
    /// schemas the spec writes inline (e.g. <c>components, responses, X, content, application/json, schema</c>).
    /// </summary>
    public IReadOnlyDictionary<string, (string Type, bool Nullable)> PropertiesAt(params string[] path)
    {
        var node = path.Aggregate(_root, (mapping, key) => (YamlMappingNode)mapping[key]);
        var found = new Dictionary<string, (string, bool)>();
        Collect(node, found);
        return found;
    }

    /// <summary>The text of the scalar found by walking <paramref name="path"/> down from the document root (e.g. a schema's <c>type</c>).</summary>
    public string ScalarAt(params string[] path) => Walk(path).ToString();

    /// <summary>The texts of the list found by walking <paramref name="path"/> down from the document root (e.g. an <c>enum</c>).</summary>
    public string[] ScalarsAt(params string[] path) => [.. ((YamlSequenceNode)Walk(path)).Children.Select(c => c.ToString())];

    private YamlNode Walk(string[] path) => path.Aggregate((YamlNode)_root, (node, key) => ((YamlMappingNode)node)[key]);

    private YamlMappingNode Schema(string name) => (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)_root["components"])["schemas"])[name];

    private void Collect(YamlMappingNode schema, Dictionary<string, (string, bool)> found)
    {
        if (schema.Children.TryGetValue("$ref", out var reference))
        {
            Collect(Schema(reference.ToString().Split('/')[^1]), found);
        }

        if (schema.Children.TryGetValue("allOf", out var parts))
        {
            foreach (var part in (YamlSequenceNode)parts)
            {
                Collect((YamlMappingNode)part, found);
            }
        }

        if (schema.Children.TryGetValue("properties", out var properties))
        {
            foreach (var (key, value) in ((YamlMappingNode)properties).Children)
            {
                var property = (YamlMappingNode)value;
                var type = property.Children.TryGetValue("type", out var t) ? t.ToString() : ReferencedType(property);
                var nullable = property.Children.TryGetValue("nullable", out var n) && n.ToString() == "true";
                found[key.ToString()] = (type, nullable);
            }
        }
    }

    /// <summary>The type of the schema a property's <c>$ref</c> names (e.g. an array), else <c>object</c>.</summary>
    private string ReferencedType(YamlMappingNode property) =>
        property.Children.TryGetValue("$ref", out var reference)
            && Schema(reference.ToString().Split('/')[^1]).Children.TryGetValue("type", out var type)
            ? type.ToString()
            : "object";

    private static string? FindSharedSpec()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "spec");
            if (File.Exists(Path.Combine(candidate, "customers.v2.yml")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Asserts that <paramref name="value"/> is of the spec's JSON <paramref name="type"/> (or null when nullable).</summary>
    public static void ShouldHaveType(JsonElement value, string type, bool nullable, string name)
    {
        if (nullable && value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var ok = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array,
            _ => value.ValueKind == JsonValueKind.Object,
        };
        ok.ShouldBeTrue($"{name} should be {type}{(nullable ? " or null" : "")} but is {value.ValueKind}: {value}");
    }
}
