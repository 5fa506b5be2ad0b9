namespace CustomerApi.Data.Entities;

/// <summary>An X-Auth-Token of one store. Only the SHA-256 of the token is kept.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public int StoreId { get; set; }
    public required byte[] TokenHash { get; set; }

    /// <summary>OAuth scopes, space separated (e.g. <c>store_v2_customers</c>).</summary>
    public required string Scopes { get; set; }

    public DateTime DateCreated { get; set; }
}
