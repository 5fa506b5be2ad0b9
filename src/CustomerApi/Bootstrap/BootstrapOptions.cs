namespace CustomerApi.Bootstrap;

/// <summary>
/// Stores, tokens and form fields to create at start-up, e.g. <c>Bootstrap__Stores__0__Hash=abc123</c>,
/// <c>Bootstrap__Stores__0__Tokens__0__AccessToken=secret</c>, <c>Bootstrap__Stores__0__Tokens__0__Scopes__0=store_v2_customers</c>,
/// <c>Bootstrap__Stores__0__FormFields__0__Name=Sales Rep</c>, <c>Bootstrap__Stores__0__Channels__0__Id=2</c>.
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
    public List<FormFieldSeed> FormFields { get; set; } = [];
    public List<ChannelSeed> Channels { get; set; } = [];
}

public sealed class TokenSeed
{
    public string AccessToken { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
}

/// <summary>
/// A custom field of the store's sign-up form (<c>For</c> customer, the default) or address form (<c>For</c> address).
/// <c>Type</c>: text (the default), multiline, numbers, date, checkboxes, radiobuttons, picklist or password; the last
/// three but one take <c>Options</c>.
/// </summary>
public sealed class FormFieldSeed
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "text";
    public string For { get; set; } = "customer";
    public bool Required { get; set; }
    public List<string> Options { get; set; } = [];
}

/// <summary>
/// A channel (storefront) of the store besides channel 1, which every store has. Created with
/// <c>AllowGlobalLogins</c> the first time; after that its settings are the API's (<c>PUT /v3/customers/settings/channels/{id}</c>)
/// and survive restarts.
/// </summary>
public sealed class ChannelSeed
{
    public int Id { get; set; }
    public bool AllowGlobalLogins { get; set; } = true;
}
