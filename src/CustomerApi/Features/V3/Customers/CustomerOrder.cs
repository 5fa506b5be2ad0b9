using System.Linq.Expressions;
using CustomerApi.Data.Entities;
using static CustomerApi.Infrastructure.Querying.QueryableExtensions;

namespace CustomerApi.Features.V3.Customers;

public enum CustomerSortKey { Id, DateCreated, LastName, DateModified }

/// <summary>
/// The order of <c>GET /customers</c>: <c>sort</c> (spec: date_created, last_name, date_modified, each :asc or :desc)
/// or, without it, id ascending [inferred]. Ties go by id ascending, so every order is total and a cursor names one place
/// in it. Cursors walk the order from such a place (keyset), so rows deleted or added elsewhere move no page boundary.
/// </summary>
public sealed record CustomerOrder(CustomerSortKey Key, bool Descending)
{
    public static readonly CustomerOrder Default = new(CustomerSortKey.Id, false);

    public static readonly IReadOnlyList<string> Names =
        ["date_created:asc", "date_created:desc", "last_name:asc", "last_name:desc", "date_modified:asc", "date_modified:desc"];

    public string Name => Key switch
    {
        CustomerSortKey.DateCreated => "date_created",
        CustomerSortKey.LastName => "last_name",
        CustomerSortKey.DateModified => "date_modified",
        _ => "id",
    } + (Descending ? ":desc" : ":asc");

    /// <summary>The order of a <c>sort</c> value; null when it is not one of <see cref="Names"/>. Absent or empty: by id.</summary>
    public static CustomerOrder? Parse(string? sort) => sort?.Trim() switch
    {
        null or "" => Default,
        "date_created:asc" => new(CustomerSortKey.DateCreated, false),
        "date_created:desc" => new(CustomerSortKey.DateCreated, true),
        "last_name:asc" => new(CustomerSortKey.LastName, false),
        "last_name:desc" => new(CustomerSortKey.LastName, true),
        "date_modified:asc" => new(CustomerSortKey.DateModified, false),
        "date_modified:desc" => new(CustomerSortKey.DateModified, true),
        _ => null,
    };

    /// <summary>The rows in this order, or in its reverse (to read the page before a cursor, last row first).</summary>
    public IOrderedQueryable<Customer> Sort(IQueryable<Customer> customers, bool reversed = false)
    {
        var descending = Descending ^ reversed;
        var sorted = Key switch
        {
            CustomerSortKey.DateCreated => descending ? customers.OrderByDescending(c => c.DateCreated) : customers.OrderBy(c => c.DateCreated),
            CustomerSortKey.LastName => descending ? customers.OrderByDescending(c => c.LastName) : customers.OrderBy(c => c.LastName),
            CustomerSortKey.DateModified => descending ? customers.OrderByDescending(c => c.DateModified) : customers.OrderBy(c => c.DateModified),
            _ => null,
        };
        return sorted is null
            ? (reversed ? customers.OrderByDescending(c => c.Id) : customers.OrderBy(c => c.Id))
            : (reversed ? sorted.ThenByDescending(c => c.Id) : sorted.ThenBy(c => c.Id));
    }

    /// <summary>The rows after the cursor's place in this order (<paramref name="forward"/>), or before it.</summary>
    public IQueryable<Customer> Beyond(IQueryable<Customer> customers, CustomerCursor cursor, bool forward) => Key switch
    {
        CustomerSortKey.DateCreated => customers.Where(Past(c => c.DateCreated, cursor.Date!.Value, cursor.Id, forward)),
        CustomerSortKey.LastName => customers.Where(Past(c => c.LastName, cursor.Text!, cursor.Id, forward)),
        CustomerSortKey.DateModified => customers.Where(Past(c => c.DateModified, cursor.Date!.Value, cursor.Id, forward)),
        _ => forward ? customers.Where(c => c.Id > cursor.Id) : customers.Where(c => c.Id < cursor.Id),
    };

    /// <summary>The cursor naming this row's place in this order.</summary>
    public CustomerCursor CursorOf(CustomerV3 row) => Key switch
    {
        CustomerSortKey.DateCreated => new(Name, row.Id, null, row.DateCreated),
        CustomerSortKey.LastName => new(Name, row.Id, row.LastName, null),
        CustomerSortKey.DateModified => new(Name, row.Id, null, row.DateModified),
        _ => new(null, row.Id, null, null),
    };

    /// <summary>
    /// (key, id) past (value, id) in this order: a key further along, or the same key and an id further along (ids always
    /// ascend within a key). Strings compare as the database orders them (string.Compare translates to its &lt; and &gt;).
    /// </summary>
    private Expression<Func<Customer, bool>> Past<T>(Expression<Func<Customer, T>> key, T value, int id, bool forward)
    {
        var row = key.Parameters[0];
        var keyGreater = forward ^ Descending;
        var boundary = Captured(value);
        Expression further, same;
        if (typeof(T) == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key.Body, boundary);
            further = keyGreater ? Expression.GreaterThan(compare, Expression.Constant(0)) : Expression.LessThan(compare, Expression.Constant(0));
            same = Expression.Equal(key.Body, boundary);
        }
        else
        {
            further = keyGreater ? Expression.GreaterThan(key.Body, boundary) : Expression.LessThan(key.Body, boundary);
            same = Expression.Equal(key.Body, boundary);
        }

        var rowId = Expression.Property(row, nameof(Customer.Id));
        var idFurther = forward ? Expression.GreaterThan(rowId, Captured(id)) : Expression.LessThan(rowId, Captured(id));
        return Expression.Lambda<Func<Customer, bool>>(Expression.OrElse(further, Expression.AndAlso(same, idFurther)), row);
    }
}
