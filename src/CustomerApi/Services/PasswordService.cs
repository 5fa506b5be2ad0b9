using Microsoft.AspNetCore.Identity;

namespace CustomerApi.Services;

/// <summary>
/// The one place passwords are hashed and checked. ASP.NET Core Identity's PasswordHasher (PBKDF2, versioned
/// format) stands in for bcrypt, which is not available here; its format marker lets a future algorithm verify
/// old hashes and rehash them on the next successful check.
/// </summary>
public sealed class PasswordService
{
    private static readonly object Subject = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(Subject, password);

    /// <summary>A null hash is a customer whose password was never set (V2 "generated automatically"): nothing matches it.</summary>
    public PasswordCheck Verify(string? hash, string password)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return PasswordCheck.Wrong;
        }

        return _hasher.VerifyHashedPassword(Subject, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Right,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
            _ => PasswordCheck.Wrong,
        };
    }
}

public enum PasswordCheck { Wrong, Right, RightButRehash }

/// <summary>
/// BigCommerce's documented rule ("alphabets + numbers + minimum 7 characters", bigcommerce/api-specs#450),
/// plus an upper bound so hashing cannot be made expensive.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 7;
    public const int MaxLength = 255;
    public const string Rule = "Passwords must be at least 7 characters and contain both alphabetic and numeric characters.";

    public static bool IsAcceptable(string password) =>
        password.Length is >= MinLength and <= MaxLength && password.Any(char.IsLetter) && password.Any(char.IsDigit);
}
