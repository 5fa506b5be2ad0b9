using CustomerApi.Data;
using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V2.Customers;

/// <summary>
/// The hottest reads, compiled once so that no request pays for building and translating them again. A singleton
/// rather than static fields: EF binds a compiled query to the database provider that first runs it, and one
/// process may host two applications on different providers (the tests do).
/// </summary>
public sealed class CustomerQueries
{
    public Task<CustomerV2?> ByIdAsync(CustomerDbContext db, int storeId, int customerId, CancellationToken ct) => _byId(db, storeId, customerId, ct);

    /// <summary>
    /// A page of the store's customers that match the filter, by id. No filter, and the email alone (the usual
    /// lookup), take compiled queries; any other filter is composed for the request.
    /// </summary>
    public IAsyncEnumerable<CustomerV2> Page(CustomerDbContext db, int storeId, CustomerFilterV2 filter, int offset, int limit) =>
        filter.SelectsAll ? (offset < DeepPageOffset ? _shallowPage : _deepPage)(db, storeId, offset, limit)
            : filter.SelectsOnlyEmail ? _emailPage(db, storeId, MatchKey.Of(filter.Email!), offset, limit)
            : filter.Apply(InStore(db, storeId))
                .OrderBy(c => c.Id).Skip(offset).Take(limit).Select(CustomerMapping.Projection).AsAsyncEnumerable();

    /// <summary>How many of the store's customers match the filter; with none, the store's own count.</summary>
    public async Task<int> CountAsync(CustomerDbContext db, int storeId, CustomerFilterV2 filter, CancellationToken ct) =>
        filter.SelectsAll
            ? await _customerCount(db, storeId, ct)
            : await filter.Apply(InStore(db, storeId)).CountAsync(ct);

    private const int DeepPageOffset = 1000;

    private static IQueryable<Customer> InStore(CustomerDbContext db, int storeId) =>
        db.Customers.AsNoTracking().Where(c => c.StoreId == storeId);

    private readonly Func<CustomerDbContext, int, int, CancellationToken, Task<CustomerV2?>> _byId =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, int customerId, CancellationToken ct) =>
            db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && c.Id == customerId).Select(CustomerMapping.Projection).FirstOrDefault());

    private readonly Func<CustomerDbContext, int, int, int, IAsyncEnumerable<CustomerV2>> _shallowPage =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, int offset, int limit) =>
            db.Customers.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.Id).Skip(offset).Take(limit)
                .Select(CustomerMapping.Projection));

    private readonly Func<CustomerDbContext, int, string, int, int, IAsyncEnumerable<CustomerV2>> _emailPage =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, string emailKey, int offset, int limit) =>
            db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && c.EmailKey == emailKey).OrderBy(c => c.Id).Skip(offset).Take(limit)
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

    /// <summary>The store's count of customers: the sum of its shares, which the database keeps with every insert and delete.</summary>
    private readonly Func<CustomerDbContext, int, CancellationToken, Task<int>> _customerCount =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, CancellationToken ct) =>
            db.CustomerCountShards.Where(c => c.StoreId == storeId).Sum(c => c.Count));
}
