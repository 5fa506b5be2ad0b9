namespace CustomerApi.Data.Entities;

public static class CustomerEmails
{
    /// <summary>Emails are unique per store and matched ignoring case and surrounding spaces (behaviour doc 6.4).</summary>
    public static string Key(string email) => email.Trim().ToLowerInvariant();
}
