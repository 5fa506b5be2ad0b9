namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// A test that drives <see cref="DebianChromium"/>: skipped on a machine without it, but not under CI (<c>CI=true</c>),
/// where a missing browser must fail the run rather than pass it by skipping.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        var underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (DebianChromium.Executable is null && !underCi)
        {
            Skip = "Debian's chromium was not found; .ci/run installs it";
        }
    }
}
