namespace CustomerApi.Data.Entities;

/// <summary>A tenant: everything of a store is reached through its <see cref="Hash"/> and one of its tokens.</summary>
public sealed class Store
{
    /// <summary>The longest hash a store can have; a longer one in a URL names no store.</summary>
    public const int HashMaxLength = 64;

    public int Id { get; set; }
    public required string Hash { get; set; }

    /// <summary>The last customer id handed out; ids are per store, ascending and never reused.</summary>
    public int LastCustomerId { get; set; }

    /// <summary>The last customer attribute id handed out.</summary>
    public int LastAttributeId { get; set; }

    /// <summary>The last customer attribute value id handed out.</summary>
    public int LastAttributeValueId { get; set; }

    /// <summary>The last customer address id handed out.</summary>
    public int LastAddressId { get; set; }

    /// <summary>The last V2 customer group id handed out.</summary>
    public int LastCustomerGroupId { get; set; }

    /// <summary>
    /// With the store's <see cref="CustomerCountShard"/>s, how many customers the store holds, kept in step by every
    /// create and delete in the same transaction, so the unfiltered count is a few rows read instead of a scan of every
    /// customer. Deletes (under the store's lock) take from it; creates add to a shard, or here when into a group.
    /// </summary>
    public int CustomerCount { get; set; }

    public DateTime DateCreated { get; set; }
    public List<ApiToken> Tokens { get; } = [];
}
