using System.Text;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using CustomerApi.Infrastructure.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// One request of a store's log, which lists them in the order their answers ended, the newest first; <c>time</c> is when
/// the request came in, <c>elapsed_ms</c> how long it took to answer. <c>query</c> is as sent, without its '?'; <c>request_bytes</c> is the body's
/// Content-Length (else the bytes read of it), <c>response_bytes</c> the body's bytes as the client got them (compressed
/// when it asked for that). Only a 4xx has bodies: the beginning of each, decoded, every value of a property named like
/// a password or a token redacted; a <c>_note</c> says when a body is not shown whole, and why.
/// </summary>
public sealed record AdminLoggedRequest(
    DateTime Time,
    string Method,
    string Path,
    string Query,
    int Status,
    double ElapsedMs,
    string RequestId,
    long RequestBytes,
    long ResponseBytes,
    string? RequestBody,
    string? RequestBodyNote,
    string? ResponseBody,
    string? ResponseBodyNote)
{
    public static AdminLoggedRequest From(LoggedRequest logged) => new(
        logged.Time,
        logged.Method,
        logged.Path,
        logged.Query.StartsWith('?') ? logged.Query[1..] : logged.Query,
        logged.Status,
        Math.Round(logged.ElapsedMs, 3),
        logged.RequestId,
        logged.RequestBytes,
        logged.ResponseBytes,
        Text(logged.Bodies?.Request),
        logged.Bodies?.Request?.Note,
        Text(logged.Bodies?.Response),
        logged.Bodies?.Response?.Note);

    /// <summary>The body as text; null when there is none or nothing of it is shown (its note says why).</summary>
    private static string? Text(KeptBody? body) => body is { Utf8.Length: > 0 } ? Encoding.UTF8.GetString(body.Utf8) : null;
}

public sealed record RequestLogQuery
{
    [FromQuery(Name = "limit")] public string? Limit { get; init; }
}

public sealed class RequestLogQueryValidator : AbstractValidator<RequestLogQuery>
{
    public RequestLogQueryValidator(RequestLog log)
    {
        RuleFor(q => q.Limit)
            .Must(limit => QueryValues.ToInt(limit) is { } n && n >= 1 && n <= log.Size).When(q => q.Limit is not null)
            .Fails(Failure.Invalid("limit", $"limit must be an integer from 1 to {log.Size}"));
    }
}
