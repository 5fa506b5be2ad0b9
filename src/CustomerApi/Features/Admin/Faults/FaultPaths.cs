using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using CustomerApi.Infrastructure.Auth;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CustomerApi.Features.Admin.Faults;

/// <summary>
/// What a rule's <c>path</c> is matched against, both after <c>/stores/{store_hash}</c>: a prefix, the request's path
/// at segment boundaries ignoring case (<c>/v3/customers</c> covers <c>/v3/customers</c> and <c>/v3/customers/5/metafields</c>,
/// not <c>/v3/customersx</c>; <c>/</c> covers every route); or, when it holds <c>{</c>, a template, the matched route's
/// template exactly, ignoring case and parameter constraints (<c>/v2/customers/{customer_id}</c>, <c>/v3/customers/{customerId}/metafields</c>).
/// </summary>
public static partial class FaultPaths
{
    public const int MaxLength = 300;

    /// <summary>
    /// A leading <c>/</c>, no trailing one (so <c>/</c> is the empty prefix), constraints dropped from parameters
    /// (<c>{customer_id:int}</c> is <c>{customer_id}</c>); null when it is no path at all.
    /// </summary>
    public static string? Normalize(string path)
    {
        var trimmed = path.Trim();
        if (!trimmed.StartsWith('/') || trimmed.Length > MaxLength || trimmed.Any(c => char.IsWhiteSpace(c) || c is '?' or '#'))
        {
            return null;
        }

        return Constraint().Replace(trimmed.TrimEnd('/'), "{$1}");
    }

    /// <summary>Whether a normalized prefix can match a store route at all: <c>/v2</c>, <c>/v3</c> and below, or everything.</summary>
    public static bool IsStorePrefix(string normalized) =>
        normalized.Length == 0 || VersionPrefix().IsMatch(normalized);

    /// <summary>A route's template after <c>/stores/{store_hash}</c>, its parameters by name only.</summary>
    public static string TemplateAfterStore(RoutePattern pattern)
    {
        var template = new StringBuilder();
        foreach (var segment in pattern.PathSegments.Skip(2))
        {
            template.Append('/');
            foreach (var part in segment.Parts)
            {
                template.Append(part switch
                {
                    RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                });
            }
        }

        return template.ToString();
    }

    [GeneratedRegex(@"\{\*{0,2}([^{}:=?]+)[^{}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex("^/v[23](/|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionPrefix();
}

/// <summary>The store routes' templates (<see cref="FaultPaths.TemplateAfterStore"/>), each worked out once.</summary>
public sealed class StoreRouteTemplates(EndpointDataSource endpoints)
{
    private readonly ConcurrentDictionary<RouteEndpoint, string> _ofEndpoint = new();
    private FrozenSet<string>? _all;

    public string Of(RouteEndpoint endpoint) => _ofEndpoint.GetOrAdd(endpoint, static e => FaultPaths.TemplateAfterStore(e.RoutePattern));

    public bool Exists(string template) => (_all ??= endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<StoreApi>() is not null)
        .Select(Of)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase)).Contains(template);
}
