using CustomerApi.Data;
using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerApi.Features.V2.Customers;

/// <summary>
/// The hottest reads. On PostgreSQL the usual ones (one customer, an unfiltered page, the email lookup, the count) go
/// straight through Npgsql (<see cref="PostgresCustomerReads"/>) with no DbContext rented at all; on SQLite, and for
/// any other filter, through EF, compiled once so that no request pays for building and translating them again. Hence
/// the request's services rather than a DbContext: one is asked for only when EF answers. A singleton rather than
/// static fields: EF binds a compiled query to the database provider that first runs it, and one process may host two
/// applications on different providers (the tests do).
/// </summary>
public sealed class CustomerQueries(IServiceProvider services)
{
    private readonly NpgsqlDataSource? _postgres = services.GetService<NpgsqlDataSource>();

    public Task<CustomerV2?> ByIdAsync(IServiceProvider requestServices, int storeId, int customerId, CancellationToken ct) =>
        _postgres is not null
            ? PostgresCustomerReads.ByIdAsync(_postgres, storeId, customerId, ct)
            : _byId(Db(requestServices), storeId, customerId, ct);

    /// <summary>A page of the store's customers that match the filter, by id.</summary>
    public IAsyncEnumerable<CustomerV2> Page(IServiceProvider requestServices, int storeId, CustomerFilterV2 filter, int offset, int limit)
    {
        var emailKey = filter.SelectsOnlyEmail ? MatchKey.Of(filter.Email!) : null;
        if (_postgres is not null && (filter.SelectsAll || emailKey is not null))
        {
            return PostgresCustomerReads.PageAsync(_postgres, storeId, emailKey, offset, limit, offset >= DeepPageOffset);
        }

        var db = Db(requestServices);
        return filter.SelectsAll ? (offset < DeepPageOffset ? _shallowPage : _deepPage)(db, storeId, offset, limit)
            : emailKey is not null ? _emailPage(db, storeId, emailKey, offset, limit)
            : filter.Apply(InStore(db, storeId)).OrderBy(c => c.Id).Skip(offset).Take(limit).Select(CustomerMapping.Projection).AsAsyncEnumerable();
    }

    /// <summary>How many of the store's customers match the filter; with none, the store's own count.</summary>
    public async Task<int> CountAsync(IServiceProvider requestServices, int storeId, CustomerFilterV2 filter, CancellationToken ct) =>
        !filter.SelectsAll ? await filter.Apply(InStore(Db(requestServices), storeId)).CountAsync(ct) : await StoreCountAsync(requestServices, storeId, ct);

    /// <summary>The store's own count of customers (V2's unfiltered count, V3's unfiltered total).</summary>
    public Task<int> StoreCountAsync(IServiceProvider requestServices, int storeId, CancellationToken ct) =>
        _postgres is not null ? PostgresCustomerReads.CountAsync(_postgres, storeId, ct) : _customerCount(Db(requestServices), storeId, ct);

    private static CustomerDbContext Db(IServiceProvider requestServices) => requestServices.GetRequiredService<CustomerDbContext>();

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
