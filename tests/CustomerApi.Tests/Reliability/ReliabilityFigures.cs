using Xunit.Abstractions;
using Xunit.Sdk;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Prints a reliability test's figures in the plain <c>dotnet test</c> output (as an xUnit diagnostic message,
/// which xunit.runner.json turns on), passed or failed, so CI's log shows what was tried and what was seen.
/// </summary>
public sealed class ReliabilityFigures(IMessageSink sink)
{
    public void Print(string suite, string provider, int requestsTried, int serverErrorsSeen, int writesLost, string? more = null) =>
        sink.OnMessage(new DiagnosticMessage(
            $"reliability: {suite} on {provider}: {requestsTried} requests tried, {serverErrorsSeen} 5xx seen, {writesLost} writes lost{(more is null ? "" : "; " + more)}"));
}
