using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.OpenApi;

/// <summary>
/// Each operation BigCommerce's spec also has carries BigCommerce's operationId and summary, so client generators and
/// readers find the names they know. A V3 operation whose BigCommerce name a V2 one already uses (getCustomers) adds
/// "V3", since one document holds both versions and its operationIds are unique (OpenApiDocumentTests).
/// </summary>
public sealed class OperationNamesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Operations_that_BigCommerce_names_carry_its_operationId_and_summary()
    {
        var document = await ServiceDocument.LoadAsync(await api.FactoryAsync());
        var compared = 0;

        foreach (var path in document.Root.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/stores/", StringComparison.Ordinal)))
        {
            var (spec, prefix) = path.Name.Contains("/v3/", StringComparison.Ordinal)
                ? (BigCommerceSpec.V3, "/stores/{store_hash}/v3")
                : (BigCommerceSpec.V2, "/stores/{store_hash}/v2");
            var specPath = path.Name[prefix.Length..];
            foreach (var operation in path.Value.EnumerateObject().Where(o => spec.Paths.Contains(specPath) && spec.Methods(specPath).Contains(o.Name)))
            {
                var (operationId, summary) = spec.Operation(specPath, operation.Name);
                var ours = operation.Value.GetProperty("operationId").GetString();
                ours.ShouldBeOneOf([operationId, operationId + "V3"], $"{operation.Name} {path.Name}");
                operation.Value.GetProperty("summary").GetString().ShouldBe(summary, $"{operation.Name} {path.Name}");
                compared++;
            }
        }

        // BigCommerce's two Customers files: 21 V2 operations and 34 V3; the service answers every one of them.
        compared.ShouldBe(55, "every operation the service has is one BigCommerce documents, and it has all of them");
    }
}
