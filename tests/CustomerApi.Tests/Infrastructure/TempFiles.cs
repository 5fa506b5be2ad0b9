using System.Diagnostics;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// One folder under the temp folder for the files a test run makes (SQLite databases, a service's working folder).
/// Tests still delete their own files when they end; what a failed test leaves, the folder takes with it: it is removed
/// at the end of the run (<see cref="TestRun"/>), or, when the run is killed, by a watcher process that waits on a pipe
/// from this process, which closes when this process ends, however it ends.
/// </summary>
public static class TempFiles
{
    private static readonly Lazy<string> RunFolder = new(CreateRunFolder);

    public static string Folder => RunFolder.Value;

    /// <summary>A path in the run's folder that nothing uses yet: <paramref name="prefix"/>, a new id, <paramref name="extension"/>.</summary>
    public static string NewPath(string prefix, string extension = "") => Path.Combine(Folder, $"{prefix}-{Guid.NewGuid():N}{extension}");

    private static string CreateRunFolder()
    {
        var folder = Directory.CreateTempSubdirectory("customerapi-tests-").FullName;
        var start = new ProcessStartInfo("sh") { RedirectStandardInput = true };
        foreach (var argument in new[] { "-c", """cat > /dev/null; rm -rf "$1" """, "sh", folder })
        {
            start.ArgumentList.Add(argument);
        }

        var watcher = Process.Start(start)!;
        TestRun.AtEnd("removing the temp folder " + folder, () =>
        {
            watcher.StandardInput.Close();
            watcher.WaitForExit(TimeSpan.FromSeconds(30));
        });
        return folder;
    }
}
