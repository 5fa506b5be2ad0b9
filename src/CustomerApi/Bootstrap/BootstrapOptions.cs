namespace CustomerApi.Bootstrap;

/// <summary>
/// Stores and tokens to create at start-up, e.g. <c>Bootstrap__Stores__0__Hash=abc123</c>,
/// <c>Bootstrap__Stores__0__Tokens__0__AccessToken=secret</c>, <c>Bootstrap__Stores__0__Tokens__0__Scopes__0=store_v2_customers</c>.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";
    public List<StoreSeed> Stores { get; set; } = [];
}

public sealed class StoreSeed
{
    public string Hash { get; set; } = "";
    public List<TokenSeed> Tokens { get; set; } = [];
}

public sealed class TokenSeed
{
    public string AccessToken { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
}
