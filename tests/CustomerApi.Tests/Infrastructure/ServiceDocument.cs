using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// The service's own OpenAPI document (<c>/openapi/v1.json</c>), read once per test run, able to say whether an answer
/// the service gave is one it documents: the status listed for that operation, the body valid against its schema.
/// </summary>
public sealed partial class ServiceDocument
{
    private static readonly SemaphoreSlim Loading = new(1, 1);
    private static ServiceDocument? _loaded;

    private readonly JsonObject _definitions;
    private readonly List<(Regex Path, string Template)> _templates;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private ServiceDocument(JsonElement root)
    {
        Root = root;
        var text = root.GetProperty("components").GetProperty("schemas").GetRawText().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        _definitions = JsonNode.Parse(text)!.AsObject();
        _templates = [.. root.GetProperty("paths").EnumerateObject()
            .Select(p => p.Name)
            .OrderBy(t => t.Count(c => c == '{')) // a literal segment wins over a parameter: /customers/count, not /customers/{id}
            .Select(t => (new Regex("^" + Parameter().Replace(Regex.Escape(t).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), t))];
    }

    public JsonElement Root { get; }

    public static async Task<ServiceDocument> LoadAsync(ApiFactory factory)
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }

        await Loading.WaitAsync();
        try
        {
            using var client = factory.CreateClient();
            using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
            return _loaded ??= new ServiceDocument(document.RootElement.Clone());
        }
        finally
        {
            Loading.Release();
        }
    }

    /// <summary>The template of the documented path <paramref name="path"/> falls under, e.g. <c>/stores/{store_hash}/v2/customers/{customer_id}</c>.</summary>
    public string? TemplateOf(string path)
    {
        var canonical = "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        return _templates.FirstOrDefault(t => t.Path.IsMatch(canonical)).Template;
    }

    /// <summary>Why the answer is not one the document gives for that request, or null when it is.</summary>
    public string? Problem(string method, string path, int status, string body)
    {
        var version = VersionSegment().Match(path) is { Success: true } match ? match.Groups[1].Value.ToUpperInvariant()
            : path.TrimStart('/').StartsWith("admin/", StringComparison.OrdinalIgnoreCase) ? "Admin" : null;
        var template = TemplateOf(path);
        var documentedMethod = method == "HEAD" ? "get" : method.ToLowerInvariant();
        if (template is null || !Root.GetProperty("paths").GetProperty(template).TryGetProperty(documentedMethod, out var operation))
        {
            // No such operation (an unknown path, or a method the path lacks): only an error, in the version's body.
            return status < 400 ? $"answered {status} where the document has no operation"
                : version is null ? null : Invalid(body, "#/$defs/Error" + version);
        }

        if (!operation.GetProperty("responses").TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response))
        {
            return $"answered {status}, which {documentedMethod.ToUpperInvariant()} {template} does not document";
        }

        if (method == "HEAD")
        {
            return null;
        }

        if (!response.TryGetProperty("content", out var content))
        {
            return body.Length == 0 ? null : $"answered {status} with a body where the document has none";
        }

        var schema = content.GetProperty("application/json").GetProperty("schema");
        return Invalid(body, schema.GetRawText());
    }

    private string? Invalid(string body, string schemaOrReference)
    {
        JsonDocument instance;
        try
        {
            instance = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return $"answered a body that is not JSON: {body}";
        }

        var schema = _schemas.GetOrAdd(schemaOrReference, Compile);
        using var _ = instance;
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }

        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})"));
        return $"answered a body its schema refuses: {string.Join("; ", errors.Take(5))}";
    }

    private JsonSchema Compile(string schemaOrReference)
    {
        var schema = schemaOrReference.StartsWith('#')
            ? new JsonObject { ["$ref"] = schemaOrReference }
            : JsonNode.Parse(schemaOrReference.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = _definitions.DeepClone();
        return JsonSchema.FromText(schema.ToJsonString());
    }

    [GeneratedRegex(@"\{[^/]+?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^/+stores/+[^/]+/+(v[23])(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionSegment();
}
