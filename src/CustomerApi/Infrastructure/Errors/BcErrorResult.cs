using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Json;

namespace CustomerApi.Infrastructure.Errors;

/// <summary>An error answer in BigCommerce's body format; only <see cref="BcErrors"/> makes them.</summary>
public sealed class BcErrorResult : IResult, IStatusCodeHttpResult
{
    private static readonly JsonSerializerOptions BodyOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JsonSetup.Encoder,
    };

    internal BcErrorResult(int status, object body)
    {
        StatusCode = status;
        Body = body;
    }

    public int StatusCode { get; }

    /// <summary>V2: a list of <see cref="V2Error"/>; V3: a <see cref="V3Error"/>.</summary>
    public object Body { get; }

    /// <summary>Seconds after which the request may be sent again, written as <c>Retry-After</c>; null for none.</summary>
    public int? RetryAfterSeconds { get; private init; }

    internal BcErrorResult RetryAfter(int seconds) => new(StatusCode, Body) { RetryAfterSeconds = seconds };

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        if (RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(httpContext.Response.Body, Body, Body.GetType(), BodyOptions, httpContext.RequestAborted);
    }
}

public sealed record V2Error(int Status, string Message, IReadOnlyDictionary<string, string>? Details = null);

public sealed record V3Error(int Status, string Title, string Type, IReadOnlyDictionary<string, string> Errors);
