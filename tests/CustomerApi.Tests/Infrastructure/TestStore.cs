using System.Net.Http.Headers;
using CustomerApi.Bootstrap;
using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// A store of a test's own, with clients that send its token: V2 under <c>/stores/{hash}/v2/</c>, V3 under <c>.../v3/</c>, of
/// the in-memory test server, or of <paramref name="root"/> when the application listens on a real server.
/// </summary>
public sealed class TestStore(ApiFactory factory, string hash, string token, string root = "http://localhost/")
{
    public string Hash { get; } = hash;
    public string Token { get; } = token;
    public ApiFactory Factory { get; } = factory;
    public HttpClient V2 { get; } = Client(factory, token, $"{root}stores/{hash}/v2/");
    public HttpClient V3 { get; } = Client(factory, token, $"{root}stores/{hash}/v3/");

    /// <summary>A new store on <paramref name="factory"/> with one token of <paramref name="scopes"/> (all of V2 and V3 when none are given).</summary>
    public static Task<TestStore> NewOnAsync(ApiFactory factory, params string[] scopes) => CreateOnAsync(factory, NewHash(), scopes);

    /// <summary>A store hash no store has yet.</summary>
    public static string NewHash() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A new store on <paramref name="factory"/> that defines <paramref name="formFields"/>, with one token of all of V2 and V3.</summary>
    public static Task<TestStore> NewWithFormFieldsOnAsync(ApiFactory factory, params FormFieldSeed[] formFields) =>
        CreateOnAsync(factory, NewHash(), [], formFields);

    /// <summary>A new store on <paramref name="factory"/> that knows <paramref name="channels"/> besides channel 1, with one token of all of V2 and V3.</summary>
    public static Task<TestStore> NewWithChannelsOnAsync(ApiFactory factory, params ChannelSeed[] channels) =>
        CreateOnAsync(factory, NewHash(), [], [], channels);

    /// <summary>Creates the store <paramref name="hash"/> straight in the database, with one token of <paramref name="scopes"/>.</summary>
    public static Task<TestStore> CreateOnAsync(ApiFactory factory, string hash, params string[] scopes) => CreateOnAsync(factory, hash, scopes, []);

    private static async Task<TestStore> CreateOnAsync(
        ApiFactory factory, string hash, string[] scopes, FormFieldSeed[] formFields, ChannelSeed[]? channels = null)
    {
        var token = Guid.NewGuid().ToString("N");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var seed = new StoreSeed
            {
                Hash = hash, Tokens = [new TokenSeed { AccessToken = token, Scopes = scopes.Length > 0 ? [.. scopes] : [Scopes.Customers] }],
                FormFields = [.. formFields],
                Channels = [.. channels ?? []],
            };
            await StoreBootstrapper.EnsureAsync(scope.ServiceProvider.GetRequiredService<CustomerDbContext>(), [seed], TimeProvider.System, default);
        }

        return new TestStore(factory, hash, token);
    }

    /// <summary>A client for this store's URLs that sends <paramref name="otherToken"/> (or none) instead.</summary>
    public HttpClient V2With(string? otherToken) => Client(Factory, otherToken, $"{root}stores/{Hash}/v2/");

    /// <summary>A V3 client for this store's URLs that sends <paramref name="otherToken"/> (or none) instead.</summary>
    public HttpClient V3With(string? otherToken) => Client(Factory, otherToken, $"{root}stores/{Hash}/v3/");

    /// <summary>
    /// Gives the store another token with <paramref name="scopes"/> and returns it. Call it before the store's first
    /// request: the service caches a store's tokens for a while.
    /// </summary>
    public async Task<string> NewTokenAsync(params string[] scopes)
    {
        var token = Guid.NewGuid().ToString("N");
        await using var scope = Factory.Services.CreateAsyncScope();
        var seed = new StoreSeed { Hash = Hash, Tokens = [new TokenSeed { AccessToken = token, Scopes = [.. scopes] }] };
        await StoreBootstrapper.EnsureAsync(scope.ServiceProvider.GetRequiredService<CustomerDbContext>(), [seed], TimeProvider.System, default);
        return token;
    }

    public static HttpClient Client(ApiFactory factory, string? token, string baseAddress)
    {
        var client = factory.CreateDefaultClient(new Uri(baseAddress), new SecretGuard(), new DocumentGuard(factory));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        }

        return client;
    }
}
