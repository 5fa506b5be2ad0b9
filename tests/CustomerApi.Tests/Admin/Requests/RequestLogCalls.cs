using System.Net;
using System.Text.Json;

namespace CustomerApi.Tests.Admin.Requests;

/// <summary>A store's request log as a test reads it: its entries, and the answer's raw text, to look for what must not be in it.</summary>
public static class RequestLogCalls
{
    public static async Task<(JsonElement[] Entries, string Raw)> RequestLogAsync(this HttpClient admin, string hash, string query = "")
    {
        var response = await admin.GetAsync($"admin/stores/{hash}/requests{query}");
        var raw = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, raw);
        return ([.. JsonDocument.Parse(raw).RootElement.Clone().EnumerateArray()], raw);
    }

    /// <summary>The newest entry, which must be the only one when <paramref name="only"/>.</summary>
    public static async Task<(JsonElement Entry, string Raw)> LastRequestAsync(this HttpClient admin, string hash, bool only = true)
    {
        var (entries, raw) = await admin.RequestLogAsync(hash);
        if (only)
        {
            entries.Length.ShouldBe(1, raw);
        }

        return (entries[0], raw);
    }

    public static string Text(this JsonElement entry, string name) => entry.GetProperty(name).GetString()!;

    public static (string Method, string Path, string Query, int Status) Line(this JsonElement entry) =>
        (entry.Text("method"), entry.Text("path"), entry.Text("query"), entry.GetProperty("status").GetInt32());
}
