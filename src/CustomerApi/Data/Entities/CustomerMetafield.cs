namespace CustomerApi.Data.Entities;

/// <summary>A customer's metafield (V3 <c>/customers/{id}/metafields</c>): a key and value an API client keeps on the customer.</summary>
public sealed class CustomerMetafield : IDated
{
    public const int KeyLength = 64;
    public const int NamespaceLength = 64;
    public const int ValueLength = 65_535;
    public const int DescriptionLength = 255;

    /// <summary>[spec siblings; BC engineer, bigcommerce/api-specs#747] 250 metafields per resource per client id.</summary>
    public const int MaxPerCustomerAndClient = 250;

    public int StoreId { get; set; }
    public int Id { get; set; }
    public int CustomerId { get; set; }

    /// <summary>The client id of the token that created it (<see cref="Infrastructure.Auth.ApiClient"/>).</summary>
    public required string OwnerClientId { get; set; }

    public required string PermissionSet { get; set; }
    public required string Namespace { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
    public string Description { get; set; } = "";
    public DateTime DateCreated { get; set; }
    public DateTime DateModified { get; set; }
}

/// <summary>[spec] Metafield.permission_set: who besides the owner client may read and write a metafield.</summary>
public static class MetafieldPermissions
{
    public const string AppOnly = "app_only";
    public const string Read = "read";
    public const string Write = "write";
    public const string ReadAndStorefront = "read_and_sf_access";
    public const string WriteAndStorefront = "write_and_sf_access";

    public static readonly IReadOnlyList<string> All = [AppOnly, Read, Write, ReadAndStorefront, WriteAndStorefront];

    /// <summary>The longest of <see cref="All"/>: the column's length.</summary>
    public const int Length = 19;

    public static bool OthersMayWrite(string permissionSet) => permissionSet is Write or WriteAndStorefront;
}
