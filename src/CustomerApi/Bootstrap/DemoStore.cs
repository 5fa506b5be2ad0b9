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
        Tokens = [new TokenSeed { AccessToken = Token, Scopes = [Scopes.Customers] }],
    };
}
