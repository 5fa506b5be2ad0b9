using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Infrastructure.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CustomerApi.Infrastructure.Errors;

/// <summary>Maps whatever escapes a handler to a BigCommerce error body; never a stack trace.</summary>
public sealed partial class BcExceptionHandler(ILogger<BcExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away; nobody is left to answer
        }

        var version = ApiVersions.FromPath(httpContext.Request.Path);
        var result = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(version, bad, BodyTaken(httpContext)),
            // Races no handler answered more precisely, and a database that cannot take the request now: never a 500.
            _ when DbErrors.IsTransient(exception) => BcErrors.Unavailable(version),
            DbUpdateConcurrencyException => BcErrors.ChangedMeanwhile(version),
            // The framework cannot read a JSON body in a charset it does not know (or has disabled, like UTF-7).
            InvalidOperationException { InnerException: ArgumentException or NotSupportedException } when DeclaresCharset(httpContext.Request)
                => BcErrors.UnsupportedMediaType(version),
            _ => null,
        };
        if (result is null)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            result = BcErrors.Unexpected(version);
        }
        else if (result.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static bool DeclaresCharset(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue;

    /// <summary>What the endpoint's body is, from its own metadata: most V3 writes take an array, the rest of the API objects.</summary>
    private static string BodyTaken(HttpContext httpContext) =>
        // The handler runs with the request's endpoint cleared; the feature keeps the one that threw.
        (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } type
            && type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? "a JSON array"
            : "a JSON object";

    private static BcErrorResult FromBadRequest(ApiVersion version, BadHttpRequestException bad, string takes) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => BcErrors.PayloadTooLarge(version),
        StatusCodes.Status415UnsupportedMediaType => BcErrors.UnsupportedMediaType(version),
        _ when bad.InnerException is JsonException json => FromJson(version, json, takes),
        // "... but no body was provided" (inferred body) / "Required parameter ... was not provided from body" ([FromBody]).
        _ when bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            || bad.Message.Contains("was not provided from body", StringComparison.OrdinalIgnoreCase) => BcErrors.EmptyBody(version, takes),
        _ => BcErrors.BadRequest(version),
    };

    private static BcErrorResult FromJson(ApiVersion version, JsonException json, string takes)
    {
        // The reader's own exception (bad syntax, truncation, invalid UTF-8, too deep) rides inside as JsonReaderException.
        if (json.InnerException is JsonException || json.BytePositionInLine is null && json.Path is null)
        {
            return BcErrors.MalformedJson(version);
        }

        var field = JsonPaths.ToField(json.Path);
        return field is null
            ? BcErrors.InvalidField(version, "body", takes == "a JSON array"
                ? "The request body must be a JSON array of objects."
                : "The request body must be a JSON object.")
            : BcErrors.InvalidField(version, field, json switch
            {
                UnstorableTextException => UnstorableTextException.Reason,
                _ when json.Message.StartsWith("Duplicate", StringComparison.Ordinal) => "The field appears more than once.",
                _ => "The value is not of the expected type.",
            });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "503 for {Method} {Path}: the database could not take it now ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}

internal static class JsonPaths
{
    /// <summary><c>$.a.b</c> → <c>a.b</c>, <c>$['a']</c> → <c>a</c>, <c>$[0].a</c> → <c>0.a</c>, <c>$</c> → null.</summary>
    public static string? ToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = path.TrimStart('$')
            .Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal)
            .Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        return field.TrimStart('.');
    }
}
