using System.Collections.Concurrent;

namespace CustomerApi.Tests.Reliability;

/// <summary>What one request of a corpus got, and what is wrong with it (null when nothing is).</summary>
public sealed record Outcome(HostileRequest Request, int Status, string Body, string? Problem)
{
    public bool IsServerError => Status >= 500;

    public string Describe() => $"{Request.Describe()}\n    -> {Status} {(Body.Length > 300 ? Body[..300] + "..." : Body)}: {Problem}";
}

public static class CorpusRunner
{
    /// <summary>
    /// Sends every request (a few at a time: they are independent, and none should write) and judges each answer
    /// with <paramref name="judge"/>, which returns what is wrong or null.
    /// </summary>
    public static async Task<IReadOnlyList<Outcome>> SendAllAsync(
        HttpClient client, IReadOnlyList<HostileRequest> corpus, Func<HostileRequest, HttpResponseMessage, string, string?> judge)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
        {
            try
            {
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                outcomes.Add(new Outcome(request, (int)response.StatusCode, body, judge(request, response, body)));
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or FormatException)
            {
                outcomes.Add(new Outcome(request, 0, "", $"the request could not be sent: {e.GetType().Name}: {e.Message}"));
            }
        });
        return [.. outcomes];
    }
}
