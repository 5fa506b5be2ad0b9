using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerApi.Infrastructure.Json;

namespace CustomerApi.Infrastructure.Errors;

/// <summary>An error answer in BigCommerce's body format; only <see cref="BcErrors"/> makes them.</summary>
public sealed class BcErrorResult : IResult, IStatusCodeHttpResult
{
    internal static readonly JsonSerializerOptions BodyOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JsonSetup.Encoder,
    };

    /// <summary>The body already serialized, for the answers a flood gets (<see cref="Frozen"/>), else null.</summary>
    private readonly byte[]? _utf8Body;

    internal BcErrorResult(int status, object body, byte[]? utf8Body = null)
    {
        StatusCode = status;
        Body = body;
        _utf8Body = utf8Body;
    }

    public int StatusCode { get; }

    /// <summary>V2: a list of <see cref="V2Error"/>; V3: a <see cref="V3Error"/>.</summary>
    public object Body { get; }

    /// <summary>Seconds after which the request may be sent again, written as <c>Retry-After</c>; null for none.</summary>
    public int? RetryAfterSeconds { get; private init; }

    internal BcErrorResult RetryAfter(int seconds) => new(StatusCode, Body, _utf8Body) { RetryAfterSeconds = seconds };

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The same answer with its body serialized once, so that writing it costs no serializer work (e.g. 401, 429).</summary>
    internal BcErrorResult Frozen() => new(StatusCode, Body, JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), BodyOptions));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        if (RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.ContentType = "application/json";
        if (_utf8Body is not null)
        {
            httpContext.Response.ContentLength = _utf8Body.Length;
            return httpContext.Response.Body.WriteAsync(_utf8Body, httpContext.RequestAborted).AsTask();
        }

        return JsonSerializer.SerializeAsync(httpContext.Response.Body, Body, Body.GetType(), BodyOptions, httpContext.RequestAborted);
    }
}

public sealed record V2Error(int Status, string Message, IReadOnlyDictionary<string, string>? Details = null);

public sealed record V3Error(int Status, string Title, string Type, IReadOnlyDictionary<string, string> Errors);

/// <summary>The admin API's error body: V3's without BigCommerce's <c>type</c> link, for it is not BigCommerce's.</summary>
public sealed record AdminError(int Status, string Title, IReadOnlyDictionary<string, string> Errors);
