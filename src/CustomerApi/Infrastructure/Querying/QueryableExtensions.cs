using System.Linq.Expressions;

namespace CustomerApi.Infrastructure.Querying;

public static class QueryableExtensions
{
    /// <summary>Adds the filter only when the request asked for it, so the SQL carries just the filters in use.</summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool condition, Expression<Func<T, bool>> predicate) =>
        condition ? query.Where(predicate) : query;
}
