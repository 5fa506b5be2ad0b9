using System.Globalization;

namespace CustomerApi.Infrastructure.Querying;

/// <summary>Parses query-string values. Validators check them with the Is* methods; filters read them with the others.</summary>
public static class QueryValues
{
    public static bool IsInt(string? text) => text is null || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    public static int? ToInt(string? text) =>
        text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary><c>true</c>/<c>false</c> (any case) or <c>1</c>/<c>0</c>.</summary>
    public static bool IsBool(string? text) => text is null || ToBool(text) is not null;

    public static bool? ToBool(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    public static bool IsDate(string? text) => text is null || DateFilters.TryParse(text, out _);

    public static DateTime? ToDate(string? text) => DateFilters.TryParse(text, out var value) ? value : null;
}
