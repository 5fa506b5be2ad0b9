using System.Globalization;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Infrastructure.Querying;

/// <summary>The one parser for comma lists of ids in filters (<c>id:in=1,2,3</c>).</summary>
public static class IdList
{
    /// <summary>
    /// At most this many ids in one filter; more is refused rather than sent to the database. About what a URL of
    /// <c>Limits:MaxUrlBytes</c> (32 KiB) holds, and far below what either database takes as the parameters of one statement.
    /// </summary>
    public const int MaxCount = 5000;

    public static bool IsValid(string? text, int minimum = 1) => text is null || TryParse(text, minimum, out _);

    /// <summary>
    /// The distinct ids of <paramref name="text"/>, or null when it is absent or not a list of integers of at least
    /// <paramref name="minimum"/> (ids are positive; group ids take 0 for "no group"). An empty value is an empty list:
    /// it matches (and deletes) nothing.
    /// </summary>
    public static int[]? Parse(string? text, int minimum = 1) => text is not null && TryParse(text, minimum, out var ids) ? ids : null;

    private static bool TryParse(string text, int minimum, out int[] ids)
    {
        ids = [];
        if (text.Trim().Length == 0)
        {
            return true;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxCount)
        {
            return false;
        }

        var set = new HashSet<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < minimum)
            {
                return false;
            }

            set.Add(id);
        }

        ids = [.. set];
        return true;
    }
}

public static class IdListRules
{
    public static IRuleBuilderOptions<T, string?> MustBeIdList<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(v => IdList.IsValid(v)).Fails(Failure.Invalid(field, $"{field} must be a comma-separated list of at most {IdList.MaxCount} positive integer ids"));
}
