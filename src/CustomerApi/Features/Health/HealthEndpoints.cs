using CustomerApi.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerApi.Features.Health;

public static class HealthEndpoints
{
    public sealed record HealthReport(string Status, string Database);

    /// <summary><c>GET /health</c>, no auth: 200 when the database answers, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).WithTags("Health").ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Check(CustomerDbContext db, CancellationToken ct)
    {
        bool up;
        try
        {
            up = await db.Database.CanConnectAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            up = false;
        }

        return up
            ? TypedResults.Ok(new HealthReport("healthy", "up"))
            : TypedResults.Json(new HealthReport("unhealthy", "down"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
