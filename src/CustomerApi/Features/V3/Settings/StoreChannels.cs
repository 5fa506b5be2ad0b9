using System.Collections.Frozen;
using CustomerApi.Data.Entities;

namespace CustomerApi.Features.V3.Settings;

/// <summary>
/// The channels a store knows and whether each allows global logins, cached with the store (StoreDirectory) and
/// forgotten on every write of a channel's settings. Channel 1 is always known; a channel the store does not know
/// (a customer may still name it in <c>channel_ids</c>) allows global logins, as channel 1 does by default.
/// </summary>
public sealed class StoreChannels(IEnumerable<KeyValuePair<int, bool>> allowGlobalLogins)
{
    public static readonly StoreChannels OnlyDefault = new([]);

    private readonly FrozenDictionary<int, bool> _allowGlobalLogins = allowGlobalLogins.ToFrozenDictionary();

    public bool Knows(int channelId) => channelId == ChannelRules.DefaultChannel || _allowGlobalLogins.ContainsKey(channelId);

    public bool AllowsGlobalLogins(int channelId) => !_allowGlobalLogins.TryGetValue(channelId, out var allows) || allows;

    /// <summary>The channels of a customer created on <paramref name="originChannel"/> (ChannelRules.ForNewCustomer).</summary>
    public int[]? ForNewCustomer(int[]? requested, int originChannel) =>
        ChannelRules.ForNewCustomer(requested, originChannel, AllowsGlobalLogins(originChannel));
}
