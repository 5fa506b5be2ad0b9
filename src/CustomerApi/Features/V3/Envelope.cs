using System.Linq.Expressions;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Querying;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3;

/// <summary>A V3 write's answer: <c>{"data": [...], "meta": {}}</c> (behaviour doc 4.1).</summary>
public sealed record EnvelopeV3<T>(IReadOnlyList<T> Data, EmptyMetaV3 Meta);

/// <summary>A V3 list's answer: <c>{"data": [...], "meta": {"pagination": {...}}}</c>.</summary>
public sealed record PageV3<T>(IReadOnlyList<T> Data, PageMetaV3 Meta);

public sealed record EmptyMetaV3;

public sealed record PageMetaV3(PaginationV3 Pagination);

public sealed record PaginationV3(int Total, int Count, int PerPage, int CurrentPage, int TotalPages, PaginationLinksV3 Links);

/// <summary>Relative links; <c>previous</c> and <c>next</c> only when that page exists.</summary>
public sealed record PaginationLinksV3(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Previous,
    string Current,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next);

/// <summary>
/// The meta of a list with both kinds of paging (spec: _metaCollectionWithCursorPagination): both on the first page,
/// only <c>pagination</c> on a later page, only <c>cursor_pagination</c> when the request gave a cursor.
/// </summary>
public sealed record CursorPageMetaV3(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PaginationV3? Pagination,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CursorPaginationV3? CursorPagination);

public sealed record CursorPageV3<T>(IReadOnlyList<T> Data, CursorPageMetaV3 Meta);

/// <summary>Cursors are absent when the page is empty; links only to pages that hold rows.</summary>
public sealed record CursorPaginationV3(
    int Count,
    int PerPage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StartCursor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EndCursor,
    CursorLinksV3 Links);

public sealed record CursorLinksV3(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Previous,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next);

public static class Envelope
{
    /// <summary>
    /// A cursor link, relative like the page links (the spec's example is <c>?page=1&amp;after=aWQ6Nw%3D%3D</c>), with the
    /// limit, and the request's other parameters (filters, sort, include), without which the cursor means nothing [inferred].
    /// </summary>
    public static string CursorLink(string direction, string cursor, int limit, IQueryCollection query)
    {
        var link = new System.Text.StringBuilder($"?limit={limit}&{direction}={Uri.EscapeDataString(cursor)}");
        foreach (var (name, values) in query)
        {
            if (name is not ("page" or "limit" or "before" or "after"))
            {
                link.Append('&').Append(Readable(name)).Append('=').Append(Readable(values.ToString()));
            }
        }

        return link.ToString();
    }

    // Escaped for a query string, but with the ':' and ',' that BigCommerce's names and lists are written with kept as they are.
    private static string Readable(string text) =>
        Uri.EscapeDataString(text).Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);

    public static EnvelopeV3<T> Written<T>(IReadOnlyList<T> data) => new(data, new EmptyMetaV3());

    /// <summary>One page of <paramref name="query"/> (already filtered and ordered) with its pagination: a count, then the page.</summary>
    public static async Task<PageV3<TOut>> PageAsync<TIn, TOut>(
        IQueryable<TIn> query, Expression<Func<TIn, TOut>> projection, Paging paging, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var data = paging.Offset is { } offset && offset < total
            ? await query.Skip(offset).Take(paging.Limit).Select(projection).ToListAsync(ct)
            : [];
        return new(data, new PageMetaV3(Pagination(total, data.Count, paging)));
    }

    public static PaginationV3 Pagination(int total, int count, Paging paging)
    {
        // An empty list still reports one page, as BigCommerce's own empty answer does (behaviour doc 4.1).
        var totalPages = Math.Max(1, (int)((total + (long)paging.Limit - 1) / paging.Limit));
        string Link(int page) => $"?page={page}&limit={paging.Limit}";
        var links = new PaginationLinksV3(
            paging.Page > 1 ? Link(Math.Min(paging.Page - 1, totalPages)) : null,
            Link(paging.Page),
            paging.Page < totalPages ? Link(paging.Page + 1) : null);
        return new(total, count, paging.Limit, paging.Page, totalPages, links);
    }
}
