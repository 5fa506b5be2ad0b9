namespace CustomerApi.Data.Entities;

/// <summary>
/// Which customers may share an email. Emails are unique per channel, not per store (spec, multi-storefront guide); a
/// global customer (<c>channel_ids</c> null) is on every channel, so it shares its email with nobody [inferred, V3 doc
/// 1.8]. This is the one place that rule lives.
/// </summary>
public static class ChannelRules
{
    /// <summary>The store's default storefront: where V2 creates customers and validate-credentials looks without a channel_id.</summary>
    public const int DefaultChannel = 1;

    /// <summary>Most channels one customer can be given; BigCommerce documents none [inferred].</summary>
    public const int MaxChannelsPerCustomer = 100;

    public static bool Overlap(int[]? channels, int[]? others) =>
        channels is null || others is null || channels.Intersect(others).Any();

    /// <summary>
    /// Whether a customer of these channels may log in on <paramref name="channelId"/>: a global customer only where the
    /// channel allows global logins (spec: allow_global_logins).
    /// </summary>
    public static bool Reaches(int[]? channels, int channelId, bool channelAllowsGlobalLogins) =>
        channels is null ? channelAllowsGlobalLogins : channels.Contains(channelId);

    /// <summary>
    /// The channels of a customer created on <paramref name="originChannel"/> without channels of its own: every channel,
    /// unless that channel does not allow global logins, which [spec: allow_global_logins "determines if customers created
    /// on this channel will get global access/login"] makes it a customer of that channel alone.
    /// </summary>
    public static int[]? ForNewCustomer(int[]? requested, int originChannel, bool originAllowsGlobalLogins) =>
        requested ?? (originAllowsGlobalLogins ? null : [originChannel]);
}
