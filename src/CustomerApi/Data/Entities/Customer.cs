namespace CustomerApi.Data.Entities;

/// <summary>One customer of one store, shared by the V2 and V3 APIs.</summary>
public sealed class Customer : IDated
{
    public int StoreId { get; set; }
    public int Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }

    /// <summary>Trimmed, lower-cased <see cref="Email"/>: what uniqueness and the email filter compare.</summary>
    public required string EmailKey { get; set; }

    /// <summary><see cref="NameKeyOf"/> of the names: what V3's <c>name:in</c> and <c>name:like</c> compare.</summary>
    public string NameKey { get; set; } = "";

    public string Company { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Notes { get; set; } = "";
    public string TaxExemptCategory { get; set; } = "";
    public string RegistrationIpAddress { get; set; } = "";
    public decimal StoreCredit { get; set; }
    public int CustomerGroupId { get; set; }
    public bool AcceptsMarketing { get; set; }
    public bool ResetPassOnLogin { get; set; }

    /// <summary>The channel the customer was created on (V2 creates on channel 1); never changes afterwards.</summary>
    public int OriginChannelId { get; set; } = ChannelRules.DefaultChannel;

    /// <summary>The channels the customer can log in to; null for every channel (a "global" customer).</summary>
    public int[]? ChannelIds { get; set; }

    /// <summary>Null until a password is set: nobody can log in (see PasswordService).</summary>
    public string? PasswordHash { get; set; }

    public DateTime DateCreated { get; set; }
    public DateTime DateModified { get; set; }

    /// <summary>"first last", ignoring case and surrounding spaces: V3 matches names on the two together (spec).</summary>
    public static string NameKeyOf(string firstName, string lastName) => $"{MatchKey.Of(firstName)} {MatchKey.Of(lastName)}";

    public void SetNames(string firstName, string lastName)
    {
        FirstName = firstName;
        LastName = lastName;
        NameKey = NameKeyOf(firstName, lastName);
    }
}
