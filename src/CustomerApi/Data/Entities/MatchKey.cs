namespace CustomerApi.Data.Entities;

/// <summary>
/// What uniqueness and the equality filters compare for emails (behaviour doc 6.4), attribute names and group names:
/// the text ignoring case and surrounding spaces. The text itself is stored as given.
/// </summary>
public static class MatchKey
{
    public static string Of(string text) => text.Trim().ToLowerInvariant();
}
