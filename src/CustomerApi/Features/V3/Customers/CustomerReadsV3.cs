using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Customers;
using CustomerApi.Features.V3.Addresses;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Querying;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// <c>GET /customers</c>: a page by number or from a cursor, then what <c>include</c> asks for. A fixed number of
/// statements whatever the page holds: the count (page by number only), the page, one for "is there more the other
/// way" (cursor only), one for the page's addresses and one for its attribute values when included. The usual ones
/// (an unfiltered page by id, the includes; the store's count is V2's, CustomerQueries) are compiled once, so no request pays for building and
/// translating them again; a singleton rather than static fields, as CustomerQueries (V2) explains.
/// </summary>
public sealed class CustomerReadsV3(CustomerQueries queries)
{
    /// <summary>[spec] customer_Full: "addresses … Limited to 10", "attributes … Limited to 10". The rest: their own lists.</summary>
    public const int EmbeddedPerCustomer = 10;

    public async Task<CursorPageV3<CustomerV3>> ListAsync(CustomerFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var storeId = store.Id;
        var filtered = filter.Apply(db.Customers.AsNoTracking().Where(c => c.StoreId == storeId));
        var order = filter.Order;
        var paging = Paging.FromV3(filter);
        var page = filter.After is not null || filter.Before is not null
            ? await FromCursorAsync(filtered, order, filter, paging.Limit, ct)
            : await ByNumberAsync(filtered, order, filter, paging, storeId, db, ct);
        await IncludeAsync(page.Data, filter.Includes, store, db, ct);
        return page;
    }

    private async Task<CursorPageV3<CustomerV3>> ByNumberAsync(
        IQueryable<Customer> filtered, CustomerOrder order, CustomerFilterV3 filter, Paging paging, int storeId, CustomerDbContext db, CancellationToken ct)
    {
        // Unfiltered, the store's own count (kept by the database with every insert and delete) instead of a scan.
        var total = filter.SelectsAll ? await queries.StoreCountAsync(filter.Request.HttpContext.RequestServices, storeId, ct) : await filtered.CountAsync(ct);
        var data = paging.Offset is not { } offset || offset >= total ? []
            : filter.SelectsAll && order == CustomerOrder.Default ? await _pageById(db, storeId, offset, paging.Limit).ToListAsync(ct)
            : await order.Sort(filtered).Skip(offset).Take(paging.Limit).Select(CustomerMappingV3.Projection).ToListAsync(ct);
        var pagination = Envelope.Pagination(total, data.Count, paging);
        if (paging.Page > 1)
        {
            return new(data, new CursorPageMetaV3(pagination, null));
        }

        var more = total > data.Count;
        return new(data, new CursorPageMetaV3(pagination, Cursors(data, order, paging.Limit, filter.Request.Query, hasPrevious: false, hasNext: more)));
    }

    /// <summary>
    /// The rows after <c>after</c>, or the last rows before <c>before</c> (read backwards, then turned round). One row more
    /// than the limit tells whether the walk goes on; one EXISTS whether anything lies the other way.
    /// </summary>
    private static async Task<CursorPageV3<CustomerV3>> FromCursorAsync(
        IQueryable<Customer> filtered, CustomerOrder order, CustomerFilterV3 filter, int limit, CancellationToken ct)
    {
        var forward = filter.After is not null;
        var cursor = CustomerCursor.Decode(forward ? filter.After : filter.Before, order)!;
        var rows = await order.Sort(order.Beyond(filtered, cursor, forward), reversed: !forward).Take(limit + 1)
            .Select(CustomerMappingV3.Projection).ToListAsync(ct);
        var onward = rows.Count > limit;
        if (onward)
        {
            rows.RemoveAt(limit);
        }

        if (!forward)
        {
            rows.Reverse();
        }

        // From the page's edge back the way the walk came. An empty page has no edge of its own: the cursor's place then,
        // moved one id on (ties go by id), so the way back takes in the cursor's own row, which the walk left out (ids
        // start at 1: before them all is id 0, which a cursor may name).
        var edge = rows.Count > 0 ? order.CursorOf(forward ? rows[0] : rows[^1])
            : cursor with { Id = forward ? cursor.Id + 1 : Math.Max(0, cursor.Id - 1) };
        var back = await order.Beyond(filtered, edge, !forward).AnyAsync(ct);
        var meta = Cursors(rows, order, limit, filter.Request.Query, hasPrevious: forward ? back : onward, hasNext: forward ? onward : back,
            rows.Count > 0 ? null : edge.Encode());
        return new(rows, new CursorPageMetaV3(null, meta));
    }

    /// <summary>The cursor meta; an empty page's one link (back the way the walk came) starts from <paramref name="emptyEdge"/>.</summary>
    private static CursorPaginationV3 Cursors(
        List<CustomerV3> rows, CustomerOrder order, int limit, IQueryCollection query, bool hasPrevious, bool hasNext, string? emptyEdge = null)
    {
        var start = rows.Count == 0 ? null : order.CursorOf(rows[0]).Encode();
        var end = rows.Count == 0 ? null : order.CursorOf(rows[^1]).Encode();
        return new(rows.Count, limit, start, end, new CursorLinksV3(
            hasPrevious && (start ?? emptyEdge) is { } before ? Envelope.CursorLink("before", before, limit, query) : null,
            hasNext && (end ?? emptyEdge) is { } after ? Envelope.CursorLink("after", after, limit, query) : null));
    }

    /// <summary>The sub-resources asked for, for the whole page at once: one statement each, never one per customer.</summary>
    public async Task IncludeAsync(IReadOnlyList<CustomerV3> page, CustomerIncludes includes, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var storeId = store.Id;
        var ids = page.Select(c => c.Id).ToArray();
        var addresses = includes.Addresses && ids.Length > 0 ? (await _addresses(db, storeId, ids).ToListAsync(ct)).ToLookup(a => a.CustomerId) : null;
        var attributes = includes.Attributes && ids.Length > 0 ? (await _attributes(db, storeId, ids).ToListAsync(ct)).ToLookup(v => v.CustomerId) : null;
        var customerFields = includes.FormFields ? await FormFieldValueReads.ForCustomersAsync(db, storeId, store.FormFields, ids, ct) : null;
        var addressFields = includes.FormFields && addresses is not null
            ? await FormFieldValueReads.ForAddressesAsync(db, storeId, store.FormFields, [.. addresses.SelectMany(a => a).Select(a => a.Id)], ct)
            : null;

        foreach (var customer in page)
        {
            Shape(customer, includes, storeId);
            customer.FormFields = customerFields?.Invoke(customer.Id);
            if (addresses is not null)
            {
                customer.Addresses = addresses[customer.Id].OrderBy(a => a.Id)
                    .Select(a => AddressV3.From(a) with { FormFields = addressFields?.Invoke(a.Id) }).ToList();
            }

            if (attributes is not null)
            {
                customer.Attributes = attributes[customer.Id].OrderBy(v => v.Id).ToList();
            }
        }
    }

    private readonly Func<CustomerDbContext, int, int, int, IAsyncEnumerable<CustomerV3>> _pageById =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, int offset, int limit) =>
            db.Customers.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.Id).Skip(offset).Take(limit)
                .Select(CustomerMappingV3.Projection));

    /// <summary>
    /// A row is kept when fewer than ten of its customer's come before it: a probe of at most ten index entries, not a
    /// count of them all.
    /// </summary>
    private readonly Func<CustomerDbContext, int, int[], IAsyncEnumerable<CustomerAddress>> _addresses =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, int[] ids) =>
            db.CustomerAddresses.AsNoTracking()
                .Where(a => a.StoreId == storeId && ids.Contains(a.CustomerId)
                    && !db.CustomerAddresses.Where(b => b.StoreId == storeId && b.CustomerId == a.CustomerId && b.Id < a.Id)
                        .Skip(EmbeddedPerCustomer - 1).Any()));

    private readonly Func<CustomerDbContext, int, int[], IAsyncEnumerable<CustomerAttributeValueV3>> _attributes =
        EF.CompileAsyncQuery((CustomerDbContext db, int storeId, int[] ids) =>
            db.CustomerAttributeValues.AsNoTracking()
                .Where(v => v.StoreId == storeId && ids.Contains(v.CustomerId)
                    && !db.CustomerAttributeValues.Where(w => w.StoreId == storeId && w.CustomerId == v.CustomerId && w.Id < v.Id)
                        .Skip(EmbeddedPerCustomer - 1).Any())
                .Select(v => new CustomerAttributeValueV3(v.AttributeId, v.Value, v.CustomerId, v.DateCreated, v.DateModified, v.Id)));

    /// <summary>
    /// What needs no statement: store credit is a column (kept out unless included, as BigCommerce's GET answers do);
    /// a shopper profile id is derived from the customer; segments are not emulated, so no customer is in one.
    /// </summary>
    private static void Shape(CustomerV3 customer, CustomerIncludes includes, int storeId)
    {
        if (!includes.StoreCredit)
        {
            customer.StoreCreditAmounts = null;
        }

        customer.ShopperProfileId = includes.ShopperProfileId ? ShopperProfiles.IdOf(storeId, customer.Id) : null;
        customer.SegmentIds = includes.SegmentIds ? [] : null;
    }
}
