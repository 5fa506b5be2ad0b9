using System.Text.RegularExpressions;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// Sits in every test client: a response that carries a password, a password field or a stored hash fails the
/// test that received it, whatever that test was about.
/// </summary>
public sealed partial class SecretGuard : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri!.AbsolutePath.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            return response; // the API description names the write-only fields; it holds no customer's data
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = response.Headers.ToString() + response.Content.Headers;
        foreach (var text in new[] { body, headers })
        {
            // A V3 error's "errors" names the fields it refuses ("password": "password is required"): names, not values.
            SecretField().IsMatch(V3ErrorsMap().Replace(text, "")).ShouldBeFalse($"{request.Method} {request.RequestUri} answered with a password field: {text}");
            text.ShouldNotContain("AQAAAA", customMessage: $"{request.Method} {request.RequestUri} answered with a password hash");
            foreach (var password in Passwords.All)
            {
                text.ShouldNotContain(password, customMessage: $"{request.Method} {request.RequestUri} answered with a password");
            }
        }

        return response;
    }

    /// <summary>The <c>errors</c> map of a V3 error body: string values only, so nothing nested can hide in it.</summary>
    [GeneratedRegex("\"errors\"\\s*:\\s*\\{(\\s*\"[^\"]*\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,?)*\\s*\\}")]
    private static partial Regex V3ErrorsMap();

    [GeneratedRegex("\"(password|password_hash|password_confirmation|new_password|_authentication)\"\\s*:")]
    private static partial Regex SecretField();
}

/// <summary>The passwords tests use; none may ever come back in a response.</summary>
public static class Passwords
{
    public const string Good = "Correct1horse";
    public const string Other = "Battery2staple";
    public static readonly string[] All = [Good, Other];
}
