using System.Text.RegularExpressions;
using CustomerApi.Data.Entities;

namespace CustomerApi.Infrastructure.Validation;

/// <summary>What V2 and V3 accept as a customer's email: one @, a dotted domain, no spaces, at most the column's length.</summary>
public static partial class EmailRules
{
    public static bool IsEmail(string? email) =>
        email is not null && email.Trim().Length <= CustomerLimits.Email && EmailShape().IsMatch(email.Trim());

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailShape();
}
