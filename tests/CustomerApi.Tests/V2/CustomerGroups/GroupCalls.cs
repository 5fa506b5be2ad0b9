using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.CustomerGroups;

/// <summary>Helpers for tests that need customer groups (this folder's and the customers' own).</summary>
public static class GroupCalls
{
    /// <summary>The V2 customer group's fields, in the spec's order (customerGroup_Full).</summary>
    public static readonly string[] FullShape =
        ["id", "name", "is_default", "category_access", "discount_rules", "date_created", "date_modified", "is_group_for_guests"];

    /// <summary>Creates a group named <paramref name="name"/> plus <paramref name="extra"/>; returns its JSON.</summary>
    public static async Task<JsonElement> CreateGroupAsync(this TestStore store, string name, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return await (await store.V2.PostJsonAsync("customer_groups", body)).ShouldBeAsync(HttpStatusCode.Created);
    }

    /// <summary>Creates groups "Group 1" .. "Group n" in a store that has none yet, so their ids are 1 .. n.</summary>
    public static async Task CreateGroupsAsync(this TestStore store, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            (await store.CreateGroupAsync($"Group {i}")).GetProperty("id").GetInt32().ShouldBe(i);
        }
    }

    /// <summary><c>GET customer_groups/{id}</c> as raw JSON text, to compare a group before and after a refused write.</summary>
    public static async Task<string> GroupTextAsync(this TestStore store, int id = 1) =>
        (await (await store.V2.GetAsync($"customer_groups/{id}")).ShouldBeAsync(HttpStatusCode.OK)).ToString();

    /// <summary>The ids a list call returns; empty for a 204.</summary>
    public static async Task<int[]> GroupIdsAsync(this TestStore store, string query = "")
    {
        var response = await store.V2.GetAsync("customer_groups" + (query.Length > 0 ? "?" + query : ""));
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
            return [];
        }

        var list = await response.ShouldBeAsync(HttpStatusCode.OK);
        return [.. list.EnumerateArray().Select(g => g.GetProperty("id").GetInt32())];
    }

    /// <summary><c>GET customer_groups/count</c> with an optional query.</summary>
    public static async Task<int> GroupCountAsync(this TestStore store, string query = "") =>
        (await (await store.V2.GetAsync("customer_groups/count" + (query.Length > 0 ? "?" + query : ""))).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("count").GetInt32();
}
