using System.Security.Cryptography;
using CustomerApi.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>A hash no password matches, checked in place of a missing one: an unknown email costs as long as a wrong password.</summary>
    private readonly Lazy<string> _decoy;

    public PasswordService() => _decoy = new(() => Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));

    public string Hash(string password) => _hasher.HashPassword(Subject, password);

    /// <summary>
    /// A null hash is a customer whose password was never set (V2 "generated automatically"), or no customer at all:
    /// nothing matches it, after the same work as a real check.
    /// </summary>
    public PasswordCheck Verify(string? hash, string password)
    {
        if (string.IsNullOrEmpty(hash))
        {
            _hasher.VerifyHashedPassword(Subject, _decoy.Value, password);
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

public static class PasswordChecks
{
    /// <summary>
    /// Checks a customer's password (null hash or no customer: wrong) and, when it is right but hashed the old way,
    /// stores it hashed the current way. The one check behind V2's validate and V3's validate-credentials.
    /// </summary>
    public static async Task<bool> IsRightAsync(
        this PasswordService passwords, CustomerDbContext db, int storeId, int? customerId, string? hash, string password, CancellationToken ct)
    {
        var check = passwords.Verify(hash, password);
        if (check == PasswordCheck.RightButRehash)
        {
            var rehashed = passwords.Hash(password);
            await db.Customers.Where(c => c.StoreId == storeId && c.Id == customerId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PasswordHash, rehashed), ct);
        }

        return check != PasswordCheck.Wrong;
    }
}

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
