using System.Text.Json;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>The operations of the service's own OpenAPI document, one per path and method, for the tests that walk them.</summary>
public static class ServiceOperations
{
    public static async Task<List<(string Method, string Path, JsonElement Operation)>> AllAsync(ApiFactory factory)
    {
        var paths = (await ServiceDocument.LoadAsync(factory)).Root.GetProperty("paths");
        return [.. paths.EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch")
            .Select(o => (o.Name.ToUpperInvariant(), path.Name, o.Value)))];
    }

    /// <summary>The path with every parameter as 1: a URL the document's template matches.</summary>
    public static string Concrete(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "1");

    /// <summary>The status an error body states (the first item's, for a V2 list).</summary>
    public static int StatusOf(JsonElement error) =>
        (error.ValueKind == JsonValueKind.Array ? error[0] : error).GetProperty("status").GetInt32();
}
