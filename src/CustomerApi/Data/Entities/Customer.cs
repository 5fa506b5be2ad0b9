namespace CustomerApi.Data.Entities;

/// <summary>One customer of one store, shared by the V2 and V3 APIs.</summary>
public sealed class Customer
{
    public int StoreId { get; set; }
    public int Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }

    /// <summary>Trimmed, lower-cased <see cref="Email"/>: what uniqueness and the email filter compare.</summary>
    public required string EmailKey { get; set; }

    public string Company { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Notes { get; set; } = "";
    public string TaxExemptCategory { get; set; } = "";
    public string RegistrationIpAddress { get; set; } = "";
    public decimal StoreCredit { get; set; }
    public int CustomerGroupId { get; set; }
    public bool AcceptsMarketing { get; set; }
    public bool ResetPassOnLogin { get; set; }

    /// <summary>Null until a password is set: nobody can log in (see PasswordService).</summary>
    public string? PasswordHash { get; set; }

    public DateTime DateCreated { get; set; }
    public DateTime DateModified { get; set; }
}
