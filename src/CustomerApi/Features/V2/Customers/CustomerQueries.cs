using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V2.Customers;

/// <summary>
/// The hottest reads, compiled once so that no request pays for building and translating them again. A singleton
/// rather than static fields: EF binds a compiled query to the database provider that first runs it, and one
/// process may host two applications on different providers (the tests do).
/// </summary>
public sealed class CustomerQueries
{
    public Func<CustomerDbContext, int, int, CancellationToken, Task<CustomerV2?>> CustomerById { get; } =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, int customerId, CancellationToken ct) =>
            db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && c.Id == customerId).Select(CustomerMapping.Projection).FirstOrDefault());

    /// <summary>The store's count of customers, kept in step by every create and delete.</summary>
    public Func<CustomerDbContext, int, CancellationToken, Task<int>> CustomerCount { get; } =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, CancellationToken ct) =>
            db.Stores.Where(s => s.Id == storeId).Select(s => s.CustomerCount).First());
}
