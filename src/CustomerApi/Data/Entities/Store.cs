namespace CustomerApi.Data.Entities;

/// <summary>A tenant: everything of a store is reached through its <see cref="Hash"/> and one of its tokens.</summary>
public sealed class Store
{
    /// <summary>The longest hash a store can have; a longer one in a URL names no store.</summary>
    public const int HashMaxLength = 64;

    public const int NameMaxLength = 255;

    public int Id { get; set; }
    public required string Hash { get; set; }

    /// <summary>What the admin API was told to call the store; "" when it was not, or was made from configuration.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The last customer id handed out on SQLite; ids are per store, ascending and never reused. PostgreSQL takes them
    /// from the store's sequence instead (<see cref="CustomerInserts"/>) and leaves this as it was.
    /// </summary>
    public int LastCustomerId { get; set; }

    /// <summary>The last customer attribute id handed out.</summary>
    public int LastAttributeId { get; set; }

    /// <summary>The last customer attribute value id handed out.</summary>
    public int LastAttributeValueId { get; set; }

    /// <summary>The last customer address id handed out.</summary>
    public int LastAddressId { get; set; }

    /// <summary>The last V2 customer group id handed out.</summary>
    public int LastCustomerGroupId { get; set; }

    /// <summary>The last form field value id handed out.</summary>
    public int LastFormFieldValueId { get; set; }

    /// <summary>The last customer metafield id handed out.</summary>
    public int LastMetafieldId { get; set; }

    /// <summary>
    /// No longer written: the count it held moved into the store's <see cref="CustomerCountShard"/>s (migration
    /// CustomerCountShards), which the database keeps. The column stays so that SQLite's stores table is not rebuilt.
    /// </summary>
    public int CustomerCount { get; set; }

    public DateTime DateCreated { get; set; }
    public List<ApiToken> Tokens { get; } = [];
}
