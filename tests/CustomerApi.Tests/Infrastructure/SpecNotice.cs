using Xunit.Abstractions;
using Xunit.Sdk;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// A class fixture of the tests that need BigCommerce's spec: where they are skipped, it says why once in the plain
/// <c>dotnet test</c> output (an xUnit diagnostic message), which lists skipped tests without their reason.
/// </summary>
public sealed class SpecNotice
{
    private static int _told;

    public SpecNotice(IMessageSink sink)
    {
        if (BigCommerceSpec.SkipReason is { } reason && Interlocked.Exchange(ref _told, 1) == 0)
        {
            sink.OnMessage(new DiagnosticMessage($"spec tests skipped: {reason}"));
        }
    }
}
