using System.Net;

namespace CustomerApi.Features.Health;

/// <summary>
/// <c>dotnet CustomerApi.dll --health-check [url]</c>, for a container's <c>HEALTHCHECK</c> in an image without curl or
/// wget: GETs <c>/health</c> of the service and exits 0 when it answers 200, 1 otherwise (nothing listening, 503, no
/// answer within <see cref="Timeout"/>). The service is at <c>url</c> when one is given, else on localhost at the first
/// port of <c>ASPNETCORE_HTTP_PORTS</c> (the aspnet image sets 8080), else 8080.
/// </summary>
public static class HealthCheckCommand
{
    public const string Flag = "--health-check";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static bool IsRequested(string[] args) => args is [Flag, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var url = HealthUrl(args.ElementAtOrDefault(1), Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }

    /// <summary><c>/health</c> of <paramref name="given"/>, else of localhost at the first of <paramref name="httpPorts"/>, else at 8080.</summary>
    public static Uri HealthUrl(string? given, string? httpPorts)
    {
        var port = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        return new Uri(new Uri(given ?? $"http://localhost:{port}"), "/health");
    }
}
