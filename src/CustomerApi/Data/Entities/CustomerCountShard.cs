namespace CustomerApi.Data.Entities;

/// <summary>
/// A share of a store's customer count; the count is the sum of the store's shares. Triggers on <c>customers</c> keep
/// them: each insert or delete statement adds its rows' number to the share of its PostgreSQL server process (one of
/// <see cref="Shards"/>; SQLite, with one writer, uses one), so concurrent creates rarely hold the same row until commit.
/// </summary>
public sealed class CustomerCountShard
{
    public const int Shards = 16;

    public int StoreId { get; set; }
    public int Shard { get; set; }
    public int Count { get; set; }
}
