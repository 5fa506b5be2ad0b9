namespace CustomerApi.Services;

public static class Clock
{
    /// <summary>Now in UTC, to the whole second: the precision both APIs show, so filters match what clients read.</summary>
    public static DateTime UtcNowToTheSecond(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }
}
