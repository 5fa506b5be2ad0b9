using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("CustomerApi.Tests.Infrastructure.TestRun", "CustomerApi.Tests")]

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// xUnit's own test framework with one step added at the end of the run, before it reports that it has finished: the
/// clean-ups registered with <see cref="AtEnd"/> (stop the throwaway PostgreSQL, remove the run's temp files), so that
/// nothing is left once <c>dotnet test</c> returns. ProcessExit would be too late: the test platform kills the test
/// process a moment after the run. A run that is killed outright is cleaned up by the watchers those helpers start.
/// </summary>
public sealed class TestRun(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    private static readonly List<(string What, Action Cleanup)> Cleanups = [];

    /// <summary>Runs <paramref name="cleanup"/> when the last test has finished, latest registered first.</summary>
    public static void AtEnd(string what, Action cleanup)
    {
        lock (Cleanups)
        {
            Cleanups.Add((what, cleanup));
        }
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private static void RunCleanups(IMessageSink diagnostics)
    {
        (string What, Action Cleanup)[] cleanups;
        lock (Cleanups)
        {
            cleanups = [.. Enumerable.Reverse(Cleanups)];
            Cleanups.Clear();
        }

        foreach (var (what, cleanup) in cleanups)
        {
            try
            {
                cleanup();
            }
            catch (Exception e)
            {
                diagnostics.OnMessage(new DiagnosticMessage($"end of run: {what} failed: {e.Message}"));
            }
        }
    }

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        // As xUnit's own, with the runner below.
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics,
        IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnostics, executionMessageSink, executionOptions)
    {
        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            RunCleanups(DiagnosticMessageSink);
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
