using System.Net.Http.Headers;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>A store of a test's own, with a client that sends its token and speaks V2 under <c>/stores/{hash}/v2/</c>.</summary>
public sealed class TestStore(ApiFactory factory, string hash, string token)
{
    public string Hash { get; } = hash;
    public string Token { get; } = token;
    public ApiFactory Factory { get; } = factory;
    public HttpClient V2 { get; } = Client(factory, token, $"http://localhost/stores/{hash}/v2/");

    /// <summary>A client for this store's URLs that sends <paramref name="otherToken"/> (or none) instead.</summary>
    public HttpClient V2With(string? otherToken) => Client(Factory, otherToken, $"http://localhost/stores/{Hash}/v2/");

    public static HttpClient Client(ApiFactory factory, string? token, string baseAddress)
    {
        var client = factory.CreateDefaultClient(new Uri(baseAddress), new SecretGuard());
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        }

        return client;
    }
}
