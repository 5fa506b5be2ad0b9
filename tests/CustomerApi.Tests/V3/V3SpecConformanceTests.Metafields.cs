using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.Metafields;

namespace CustomerApi.Tests.V3;

/// <summary>
/// Customer metafields held against the spec: the 2xx answer of each of the nine operations of
/// <c>/customers/{customerId}/metafields</c>, <c>.../{metafieldId}</c> and <c>/customers/metafields</c>, field by field
/// against the schema that operation names (metafield_Full or Metafield items, their metas, ids for the batch delete).
/// </summary>
public abstract partial class V3SpecConformanceTests
{
    private const string OneCustomer = "/customers/{customerId}/metafields";
    private const string OneMetafield = "/customers/{customerId}/metafields/{metafieldId}";
    private const string AllMetafields = "/customers/metafields";
    private static readonly int[] MetafieldThree = [3];

    /// <summary>The nine operations, by path and method, with BigCommerce's operationIds.</summary>
    private static readonly (string Path, string Method, string OperationId)[] MetafieldOperations =
    [
        (OneCustomer, "get", "getCustomersMetafields"),
        (OneCustomer, "post", "createCustomerMetafields"),
        (OneMetafield, "get", "getMetafieldsCustomerId"),
        (OneMetafield, "put", "updateCustomerMetafield"),
        (OneMetafield, "delete", "deleteCustomerMetafieldsId"),
        (AllMetafields, "get", "getAllCustomersMetafields"),
        (AllMetafields, "post", "createCustomersMetafields"),
        (AllMetafields, "put", "updateCustomersMetafields"),
        (AllMetafields, "delete", "deleteCustomersMetafields"),
    ];

    private static string[] SuccessSchema(string path, string method, string status = "200") =>
        ["paths", path, method, "responses", status, .. JsonSchema];

    [Fact]
    public async Task Every_metafield_operation_of_the_spec_is_served_under_its_operationId()
    {
        var spec = MetafieldOperations.Select(o => (o.Path, o.Method, Spec.Operation(o.Path, o.Method).OperationId ?? "")).ToArray();
        spec.ShouldBe(MetafieldOperations);
        var client = await api.AnonymousClientAsync();

        var served = await Spec.ShouldServeEveryMethodAsync(client, "/stores/{store_hash}/v3", path => path.Contains("metafields", StringComparison.Ordinal));

        served.ShouldBe(3);
        var document = (await (await client.GetAsync("openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("paths");
        foreach (var (path, method, operationId) in MetafieldOperations)
        {
            document.GetProperty("/stores/{store_hash}/v3" + path).GetProperty(method).GetProperty("operationId").GetString()
                .ShouldBe(operationId, $"{method} {path}");
        }
    }

    [Fact]
    public async Task Every_metafield_answer_has_the_fields_of_its_operations_schema()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("ann@example.com");
        var full = Spec.PropertiesAt([.. SuccessSchema(OneMetafield, "get"), "properties", "data"]);
        var metafield = Spec.Properties("Metafield");
        full.Keys.Order().ShouldBe(["date_created", "date_modified", "description", "id", "key", "namespace", "permission_set", "resource_id", "resource_type", "value"]);
        metafield.Keys.Order().ShouldBe([.. full.Keys.Append("owner_client_id").Order()]);

        var created = await (await store.V3.PostJsonAsync("customers/1/metafields", MetafieldCalls.Body("a", permissionSet: "read"))).ShouldBeAsync(HttpStatusCode.OK);
        var listed = await (await store.V3.GetAsync("customers/1/metafields")).ShouldBeAsync(HttpStatusCode.OK);
        var read = await (await store.V3.GetAsync("customers/1/metafields/1")).ShouldBeAsync(HttpStatusCode.OK);
        var updated = await (await store.V3.PutJsonAsync("customers/1/metafields/1", new { value = "changed" })).ShouldBeAsync(HttpStatusCode.OK);
        var batchCreated = await (await store.V3.PostJsonAsync("customers/metafields", new[] { MetafieldCalls.Item(1, "b"), MetafieldCalls.Item(1, "c") }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var batchUpdated = await (await store.V3.PutJsonAsync("customers/metafields", new[] { new { id = 2, value = "x" } })).ShouldBeAsync(HttpStatusCode.OK);
        var all = await (await store.V3.GetAsync("customers/metafields")).ShouldBeAsync(HttpStatusCode.OK);
        var batchDeleted = await (await store.V3.SendJsonAsync(HttpMethod.Delete, "customers/metafields", MetafieldThree)).ShouldBeAsync(HttpStatusCode.OK);
        var deleted = await store.V3.DeleteAsync("customers/1/metafields/2");

        // metafield_Full (the per-customer reads) has no owner_client_id; Metafield, the schema of every other answer, has it.
        ShouldMatchMetafields(listed, OneCustomer, "get", [.. listed.Data()], full, extra: ["owner_client_id"]);
        ShouldMatchMetafields(created, OneCustomer, "post", [.. created.Data()], metafield);
        ShouldMatchMetafields(read, OneMetafield, "get", [read.GetProperty("data")], full, extra: ["owner_client_id"]);
        ShouldMatchMetafields(updated, OneMetafield, "put", [.. updated.Data()], metafield);
        ShouldMatchMetafields(batchCreated, AllMetafields, "post", [.. batchCreated.Data()], metafield);
        ShouldMatchMetafields(batchUpdated, AllMetafields, "put", [.. batchUpdated.Data()], metafield);
        ShouldMatchMetafields(all, AllMetafields, "get", [.. all.Data()], metafield);
        all.Data().Length.ShouldBe(3);
        listed.GetProperty("meta").GetProperty("pagination").EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(
            Spec.Properties("pagination_Full").Keys); // the list's meta is metaCollection_Full, whose pagination is pagination_Full
        read.GetProperty("meta").GetRawText().ShouldBe("{}");

        var deleteSchema = Spec.PropertiesAt(SuccessSchema(AllMetafields, "delete"));
        batchDeleted.EnumerateObject().Select(p => p.Name).Order().ShouldBe(deleteSchema.Keys.Order());
        batchDeleted.Data().ShouldAllBe(id => id.ValueKind == JsonValueKind.Number);
        batchDeleted.GetProperty("errors").GetArrayLength().ShouldBe(0);
        batchDeleted.GetProperty("meta").EnumerateObject().Select(p => p.Name).Order()
            .ShouldBe(Spec.Properties("WriteCollectionSuccessMeta").Keys.Order());
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Spec.Methods(OneMetafield).ShouldContain("delete");
    }

    /// <summary>
    /// The envelope has only the fields the operation's schema declares; each metafield has every declared field of
    /// <paramref name="item"/> (plus <paramref name="extra"/>), each of its type, dates to the second with <c>+00:00</c>.
    /// </summary>
    private static void ShouldMatchMetafields(JsonElement body, string path, string method, JsonElement[] metafields,
        IReadOnlyDictionary<string, (string Type, bool Nullable)> item, string[]? extra = null)
    {
        var envelope = Spec.PropertiesAt(SuccessSchema(path, method));
        body.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(envelope.Keys, $"{method} {path}");
        metafields.ShouldNotBeEmpty($"{method} {path}");
        foreach (var metafield in metafields)
        {
            var names = metafield.EnumerateObject().Select(p => p.Name).ToList();
            names.Except(extra ?? []).ShouldBe(item.Keys, ignoreOrder: true, $"{method} {path}: {metafield}");
            foreach (var name in names.Intersect(item.Keys))
            {
                var (type, nullable) = item[name];
                BigCommerceSpec.ShouldHaveType(metafield.GetProperty(name), type, nullable, name);
            }

            foreach (var date in new[] { "date_created", "date_modified" })
            {
                MetafieldDate().IsMatch(metafield.GetProperty(date).GetString()!).ShouldBeTrue($"{date} of {metafield}");
            }
        }

        if (body.TryGetProperty("errors", out var errors))
        {
            errors.GetRawText().ShouldBe("[]", $"{method} {path}");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$")]
    private static partial Regex MetafieldDate();
}
