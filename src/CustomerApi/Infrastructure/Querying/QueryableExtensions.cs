using System.Linq.Expressions;

namespace CustomerApi.Infrastructure.Querying;

public static class QueryableExtensions
{
    /// <summary>Adds the filter only when the request asked for it, so the SQL carries just the filters in use.</summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool condition, Expression<Func<T, bool>> predicate) =>
        condition ? query.Where(predicate) : query;

    /// <summary>
    /// Rows whose text contains any of <paramref name="fragments"/> (none given: every row). The fragments go as one
    /// list parameter, not one OR each: the databases print a chain of ORs flat, and SQLite refuses one of more than
    /// 1000 terms (SQLITE_MAX_EXPR_DEPTH) while a filter may give thousands (IdList.MaxCount).
    /// </summary>
    public static IQueryable<T> WhereAnyContains<T>(this IQueryable<T> query, IReadOnlyList<string>? fragments, Expression<Func<T, string>> text)
    {
        if (fragments is null || fragments.Count == 0)
        {
            return query;
        }

        var fragment = Expression.Parameter(typeof(string), "fragment");
        var contains = Expression.Call(text.Body, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, fragment);
        var anyOf = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)],
            Captured(fragments.ToArray()), Expression.Lambda<Func<string, bool>>(contains, fragment));
        return query.Where(Expression.Lambda<Func<T, bool>>(anyOf, text.Parameters));
    }

    /// <summary>A value as a captured variable, not a constant: the database gets it as a parameter, so one statement text serves every value.</summary>
    public static Expression Captured<T>(T value) => ((Expression<Func<T>>)(() => value)).Body;
}
