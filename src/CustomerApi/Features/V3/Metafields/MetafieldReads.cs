using System.Linq.Expressions;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Querying;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Metafields;

/// <summary>What a client sees of a store's metafields, and the lists of them; reads project, they never track.</summary>
public static class MetafieldReads
{
    public const string ResourceType = "customer";

    /// <summary>[spec] permission_set app_only is "private to the app that owns the field": to any other client it does not exist.</summary>
    public static IQueryable<CustomerMetafield> Visible(CustomerDbContext db, int storeId, ApiClient client) =>
        db.CustomerMetafields.AsNoTracking()
            .Where(m => m.StoreId == storeId && (m.OwnerClientId == client.Id || m.PermissionSet != MetafieldPermissions.AppOnly));

    public static bool IsVisibleTo(string ownerClientId, string permissionSet, ApiClient client) =>
        ownerClientId == client.Id || permissionSet != MetafieldPermissions.AppOnly;

    public static readonly Expression<Func<CustomerMetafield, MetafieldV3>> Full = Projection(null);

    public static readonly Func<CustomerMetafield, MetafieldV3> ToV3 = Full.Compile();

    /// <summary>The answer's fields, only those of <paramref name="fields"/> (and id) when given; a field left out is not read either.</summary>
    public static Expression<Func<CustomerMetafield, MetafieldV3>> Projection(IReadOnlySet<string>? fields)
    {
        bool Has(string name) => fields?.Contains(name) != false;
        bool key = Has("key"), value = Has("value"), space = Has("namespace"), permission = Has("permission_set"), type = Has("resource_type"),
            resource = Has("resource_id"), description = Has("description"), created = Has("date_created"), modified = Has("date_modified"),
            owner = Has("owner_client_id");
        return m => new MetafieldV3(m.Id, key ? m.Key : null, value ? m.Value : null, space ? m.Namespace : null, permission ? m.PermissionSet : null,
            type ? ResourceType : null, resource ? m.CustomerId : null, description ? m.Description : null, created ? m.DateCreated : null,
            modified ? m.DateModified : null, owner ? m.OwnerClientId : null);
    }

    /// <summary>
    /// A page of <paramref name="metafields"/> (visible, of the store, maybe of one customer) that match the filter, by id in
    /// <c>direction</c>: by number, or from a cursor (spec: _metaCollectionWithCursorPagination), as the other V3 lists.
    /// </summary>
    public static async Task<CursorPageV3<MetafieldV3>> ListAsync(IQueryable<CustomerMetafield> metafields, MetafieldFilterV3 filter, CancellationToken ct)
    {
        var filtered = filter.Apply(metafields);
        var projection = Projection(filter.Included);
        var paging = Paging.FromV3(filter);
        var query = filter.Request.Query;
        var descending = filter.Descending;
        if (MetafieldFilterV3.IdOf(filter.After ?? filter.Before) is { } cursor)
        {
            // Walking the list's order (after) or against it (before); "ahead" is the side of the cursor the walk goes to.
            var forward = filter.After is not null;
            var upward = forward != descending;
            var beyond = upward ? filtered.Where(m => m.Id > cursor).OrderBy(m => m.Id) : filtered.Where(m => m.Id < cursor).OrderByDescending(m => m.Id);
            var rows = await beyond.Take(paging.Limit + 1).Select(projection).ToListAsync(ct);
            var onward = rows.Count > paging.Limit;
            rows = [.. rows.Take(paging.Limit)];
            if (!forward)
            {
                rows.Reverse();
            }

            // Back the way the walk came: whatever lies at or behind the cursor (nothing lies between it and the page).
            var back = await (upward ? filtered.Where(m => m.Id <= cursor) : filtered.Where(m => m.Id >= cursor)).AnyAsync(ct);
            var meta = Cursors(rows, paging.Limit, query, hasPrevious: forward ? back : onward, hasNext: forward ? onward : back,
                emptyEdge: upward ? cursor + 1 : Math.Max(0, cursor - 1));
            return new CursorPageV3<MetafieldV3>(rows, new CursorPageMetaV3(null, meta));
        }

        var total = await filtered.CountAsync(ct);
        var ordered = descending ? filtered.OrderByDescending(m => m.Id) : filtered.OrderBy(m => m.Id);
        var data = paging.Offset is { } offset && offset < total
            ? await ordered.Skip(offset).Take(paging.Limit).Select(projection).ToListAsync(ct)
            : [];
        var pagination = Envelope.Pagination(total, data.Count, paging);
        var cursors = paging.Page == 1 ? Cursors(data, paging.Limit, query, hasPrevious: false, hasNext: total > data.Count, emptyEdge: null) : null;
        return new CursorPageV3<MetafieldV3>(data, new CursorPageMetaV3(pagination, cursors));
    }

    private static CursorPaginationV3 Cursors(List<MetafieldV3> rows, int limit, IQueryCollection query, bool hasPrevious, bool hasNext, int? emptyEdge)
    {
        var start = rows.Count == 0 ? null : MetafieldFilterV3.CursorOf(rows[0].Id);
        var end = rows.Count == 0 ? null : MetafieldFilterV3.CursorOf(rows[^1].Id);
        var edge = emptyEdge is >= 0 ? MetafieldFilterV3.CursorOf(emptyEdge.Value) : null;
        return new(rows.Count, limit, start, end, new CursorLinksV3(
            hasPrevious && (start ?? edge) is { } before ? Envelope.CursorLink("before", before, limit, query) : null,
            hasNext && (end ?? edge) is { } after ? Envelope.CursorLink("after", after, limit, query) : null));
    }
}
