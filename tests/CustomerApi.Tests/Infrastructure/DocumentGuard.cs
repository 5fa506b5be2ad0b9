namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// Sits in every test client beside <see cref="SecretGuard"/>: an answer of the store or admin API that its own OpenAPI
/// document does not describe (a status the operation does not list, a body its schema refuses) fails the test that
/// received it, whatever that test was about. So every answer the suite sees checks the document.
/// </summary>
public sealed class DocumentGuard(ApiFactory factory) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        var trimmed = path.TrimStart('/');
        if (!trimmed.StartsWith("stores/", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("admin/", StringComparison.OrdinalIgnoreCase))
        {
            return response;
        }

        var document = await ServiceDocument.LoadAsync(factory);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problem = document.Problem(request.Method.Method, path, (int)response.StatusCode, body);
        problem.ShouldBeNull($"{request.Method} {request.RequestUri} {problem}\n{Shorten(body)}");
        return response;
    }

    private static string Shorten(string body) => body.Length <= 600 ? body : body[..600] + "...";
}
