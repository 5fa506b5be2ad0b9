using Microsoft.Playwright;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// Debian's chromium (<c>apt-get install chromium</c>), which the browser tests drive through Playwright in place of the
/// browsers Playwright downloads: nothing is downloaded here, and Playwright is never asked to install anything.
/// <c>CUSTOMERAPI_CHROMIUM</c> names another Chromium executable.
/// </summary>
public static class DebianChromium
{
    public const string OverrideVariable = "CUSTOMERAPI_CHROMIUM";

    /// <summary>
    /// The binary first, then Debian's launcher script, which runs it with flags and Google API keys of its own
    /// (from /etc/chromium.d) that a test has no use for.
    /// </summary>
    private static readonly string[] Installed = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    /// <summary>The executable to drive, or null when none is installed. One named by the override is used as given.</summary>
    public static string? Executable =>
        Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } chosen ? chosen : Installed.FirstOrDefault(File.Exists);

    /// <summary>
    /// A headless browser that reaches no host but <c>localhost</c> and 127.0.0.1 (every other name, and every other
    /// address, is mapped to "not found"), so that neither a page nor Chromium itself (updates, safe browsing, Google
    /// services) goes past loopback. Its home is <paramref name="home"/>, where it leaves what it would otherwise leave
    /// in the user's (crash report settings, dconf); Playwright gives it a temporary profile of its own and removes it.
    /// </summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string home, TimeSpan timeout) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Executable ?? throw new InvalidOperationException(
            $"Debian's chromium was not found (apt-get install chromium, or name one in {OverrideVariable})."),
        Headless = true,
        Timeout = (float)timeout.TotalMilliseconds,
        Args = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
        Env = EnvironmentWithHome(home),
    });

    /// <summary>This process's environment with <paramref name="home"/> as HOME (a browser given an environment gets only that one).</summary>
    private static Dictionary<string, string> EnvironmentWithHome(string home)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["HOME"] = home;
        environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
        return environment;
    }
}
