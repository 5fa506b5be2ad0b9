using System.Linq.Expressions;

namespace CustomerApi.Infrastructure.Querying;

public static class QueryableExtensions
{
    /// <summary>Adds the filter only when the request asked for it, so the SQL carries just the filters in use.</summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool condition, Expression<Func<T, bool>> predicate) =>
        condition ? query.Where(predicate) : query;

    /// <summary>Rows whose text contains any of <paramref name="fragments"/> (none given: every row).</summary>
    public static IQueryable<T> WhereAnyContains<T>(this IQueryable<T> query, IReadOnlyList<string>? fragments, Expression<Func<T, string>> text)
    {
        if (fragments is null || fragments.Count == 0)
        {
            return query;
        }

        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var anyOf = fragments
            .Select(f => (Expression)Expression.Call(text.Body, contains, Captured(f)))
            .Aggregate(Expression.OrElse);
        return query.Where(Expression.Lambda<Func<T, bool>>(anyOf, text.Parameters));
    }

    /// <summary>A value as a captured variable, not a constant: the database gets it as a parameter, so one statement text serves every value.</summary>
    public static Expression Captured<T>(T value) => ((Expression<Func<T>>)(() => value)).Body;
}
