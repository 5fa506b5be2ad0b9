namespace CustomerApi.Data.Entities;

/// <summary>
/// A share of a store's customer count that creates add to. A store's count is its <see cref="Store.CustomerCount"/>
/// (which deletes take from, and creates into a group add to) plus its shards; creates spread over
/// <see cref="Shards"/> rows, so concurrent creates rarely wait on one another's row until commit.
/// </summary>
public sealed class CustomerCountShard
{
    public const int Shards = 16;

    public int StoreId { get; set; }
    public int Shard { get; set; }
    public int Count { get; set; }
}
