using System.Text;
using CustomerApi.Infrastructure.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerApi.Infrastructure.Http;

/// <summary>
/// Reads a <c>/stores/...</c> request the way BigCommerce's front door does, before routing sees it, for the quirks of
/// widely used clients (behaviour doc 6.3):
/// <list type="bullet">
/// <item>repeated slashes are one (<c>/v3/customers//attributes</c>, BigCommerce's alpha Node client) and one trailing
/// slash is ignored (<c>/v3/customers/</c>);</item>
/// <item>a query parameter repeated with one value is that parameter once (<c>limit=250&amp;limit=250</c>, a popular Node
/// client); repeats that disagree are refused with 400 naming them, since there is no telling which was meant.</item>
/// </list>
/// The path is rewritten in place, so the route values, the API version, auth and everything after see the canonical form.
/// </summary>
public sealed class CanonicalRequestMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = Canonical(request.Path);
        if (!path.StartsWithSegments("/stores"))
        {
            return next(context);
        }

        request.Path = path;
        var (conflicting, withoutRepeats) = RepeatsRemoved(request.QueryString);
        if (conflicting.Count > 0)
        {
            return BcErrors.ConflictingQueryParameters(ApiVersions.FromPath(path), conflicting).ExecuteAsync(context);
        }

        if (withoutRepeats is { } canonical)
        {
            request.QueryString = canonical;
        }

        return next(context);
    }

    /// <summary>
    /// The names given more than once with different values, and the query with agreeing repeats dropped (null when no
    /// name is repeated). Names are compared exactly, as the filters read them: <c>limit</c> and <c>LIMIT</c> are two.
    /// </summary>
    private static (IReadOnlyList<string> Conflicting, QueryString? WithoutRepeats) RepeatsRemoved(QueryString query)
    {
        if (query.Value is not { } text || !text.Contains('&', StringComparison.Ordinal))
        {
            return ([], null); // one parameter at most: nothing can repeat, and the hot path allocates nothing
        }

        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<KeyValuePair<string, string?>>();
        var conflicting = new List<string>();
        var given = 0;
        foreach (var pair in new QueryStringEnumerable(query.Value))
        {
            given++;
            var (name, value) = (pair.DecodeName().ToString(), pair.DecodeValue().ToString());
            if (first.TryAdd(name, value))
            {
                kept.Add(KeyValuePair.Create(name, (string?)value));
            }
            else if (first[name] != value && !conflicting.Contains(name))
            {
                conflicting.Add(name);
            }
        }

        return (conflicting, given > kept.Count ? QueryString.Create(kept) : null);
    }

    /// <summary><c>//a///b/</c> → <c>/a/b</c>: runs of slashes collapsed, then one trailing slash dropped.</summary>
    private static PathString Canonical(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || !value.Contains("//", StringComparison.Ordinal) && (value.Length == 1 || value[^1] != '/'))
        {
            return path;
        }

        var canonical = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c != '/' || canonical.Length == 0 || canonical[^1] != '/')
            {
                canonical.Append(c);
            }
        }

        if (canonical.Length > 1 && canonical[^1] == '/')
        {
            canonical.Length--;
        }

        return new PathString(canonical.ToString());
    }
}
