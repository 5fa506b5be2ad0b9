namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// One request as the log keeps it: a struct in its store's ring, so that recording a request allocates nothing more. Its
/// texts are bounded (<see cref="RequestLog.MaxTextLength"/>, <see cref="RequestLog.MaxBodyBytes"/>); bodies only for a 4xx.
/// <see cref="Query"/> is the request's query string as ASP.NET Core holds it, with its '?' (or empty), secrets redacted.
/// </summary>
public readonly record struct LoggedRequest(
    DateTime Time,
    string Method,
    string Path,
    string Query,
    int Status,
    double ElapsedMs,
    string RequestId,
    long RequestBytes,
    long ResponseBytes,
    LoggedBodies? Bodies);

/// <summary>The bodies of a 4xx exchange; a body is null when there was none.</summary>
public sealed record LoggedBodies(KeptBody? Request, KeptBody? Response);
