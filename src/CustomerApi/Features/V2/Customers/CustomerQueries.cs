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

    /// <summary>A page of the store's customers by id, with no filter.</summary>
    public IAsyncEnumerable<CustomerV2> CustomerPage(CustomerDbContext db, int storeId, int offset, int limit) =>
        offset < DeepPageOffset ? _shallowPage(db, storeId, offset, limit) : _deepPage(db, storeId, offset, limit);

    private const int DeepPageOffset = 1000;

    private readonly Func<CustomerDbContext, int, int, int, IAsyncEnumerable<CustomerV2>> _shallowPage =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, int offset, int limit) =>
            db.Customers.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.Id).Skip(offset).Take(limit)
                .Select(CustomerMapping.Projection));

    /// <summary>
    /// A deep page finds its ids first, from the primary key alone, and only then reads those rows whole: the
    /// thousands of customers before it are skipped as index entries, not as rows.
    /// </summary>
    private readonly Func<CustomerDbContext, int, int, int, IAsyncEnumerable<CustomerV2>> _deepPage =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, int offset, int limit) =>
            db.Customers.AsNoTracking()
                .Where(c => c.StoreId == storeId
                    && db.Customers.Where(p => p.StoreId == storeId).OrderBy(p => p.Id).Skip(offset).Take(limit).Select(p => p.Id).Contains(c.Id))
                .OrderBy(c => c.Id)
                .Select(CustomerMapping.Projection));

    /// <summary>The store's count of customers, kept in step by every create and delete.</summary>
    public Func<CustomerDbContext, int, CancellationToken, Task<int>> CustomerCount { get; } =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, CancellationToken ct) =>
            db.Stores.Where(s => s.Id == storeId).Select(s => s.CustomerCount).First());
}
