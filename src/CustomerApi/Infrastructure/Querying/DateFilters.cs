using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerApi.Infrastructure.Querying;

/// <summary>
/// The one parser for dates in filters: RFC 2822 ("Tue, 13 Nov 2012 21:16:41 +0000"), ISO 8601 ("2024-05-14",
/// "2024-05-14T09:34:00", with or without offset) and a UNIX timestamp in seconds. No offset means UTC.
/// </summary>
public static partial class DateFilters
{
    private static readonly string[] Rfc2822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'UTC'",
    ];

    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        text = text.Trim();
        DateTimeOffset parsed;
        var ok = text.All(char.IsAsciiDigit)
            ? TryParseUnix(text, out parsed)
            : IsoStart().IsMatch(text)
                ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed)
                : DateTimeOffset.TryParseExact(CompactOffset().Replace(text, "$1:$2"), Rfc2822Formats,
                    CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out parsed);
        if (ok)
        {
            utc = parsed.UtcDateTime;
        }

        return ok;
    }

    /// <summary>
    /// The span a date filter's equality form (<c>date_created=...</c>) matches: a bare date is that whole UTC day,
    /// anything else that one second (stored dates carry whole seconds).
    /// </summary>
    public static bool TryParseSpan(string? text, out DateTime from, out DateTime until)
    {
        until = default;
        if (!TryParse(text, out from))
        {
            return false;
        }

        var bareDate = BareDate().IsMatch(text!.Trim());
        from = bareDate ? from.Date : from.AddTicks(-(from.Ticks % TimeSpan.TicksPerSecond));
        var span = bareDate ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(1);
        // The calendar's last day (or second) has no next one: bound it by the end of time instead of overflowing.
        until = DateTime.MaxValue - from < span ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : from + span;
        return true;
    }

    private static bool TryParseUnix(string digits, out DateTimeOffset parsed)
    {
        parsed = default;
        if (digits.Length > 12 || !long.TryParse(digits, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
        {
            return false;
        }

        parsed = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoStart();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex BareDate();

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
}
