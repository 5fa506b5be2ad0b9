using CustomerApi.Infrastructure.Auth;

namespace CustomerApi.Bootstrap;

/// <summary>What the embedded default seeds when no store is configured, so the README's curl works as printed.</summary>
public static class DemoStore
{
    public const string Hash = "demo";
    public const string Token = "demo-token";

    public static StoreSeed Seed => new()
    {
        Hash = Hash,
        Tokens = [new TokenSeed { AccessToken = Token, Scopes = [Scopes.Customers, Scopes.StoredPaymentInstruments] }],

        // The fields BigCommerce's own request examples set, so Swagger UI's examples work on the demo store as printed.
        FormFields =
        [
            new FormFieldSeed { Name = "shirt_size", Type = "picklist", Options = ["Small", "Medium", "Large"] },
            new FormFieldSeed { Name = "preferred_contact_method", Type = "radiobuttons", For = "address", Options = ["email", "phone"] },
        ],
    };
}
