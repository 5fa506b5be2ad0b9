using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Customers;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3.Customers;

/// <summary>
/// Emails are unique per channel, not per store (V3 doc 1.8): one email may belong to customers of different channels, a
/// global customer (<c>channel_ids</c> null, and every V2 customer) holds it on every channel. The same rule for V3
/// creates and updates and for V2 creates and email changes; validate-credentials finds the customer of the channel.
/// </summary>
public abstract class ChannelTests(ApiFixture api)
{
    private const string Credentials = "customers/validate-credentials";

    private static Dictionary<string, object?> OnChannels(string email, params int[] channels) =>
        Customer(email, new { channel_ids = channels.ToList() });

    [Fact]
    public async Task One_email_may_belong_to_customers_of_different_channels_in_one_batch_or_in_several()
    {
        var store = await api.NewStoreAsync();

        var first = await store.CreateV3Async(OnChannels("shared@example.com", 1), OnChannels("Shared@Example.com", 2, 3));
        var second = await store.CreateV3Async(OnChannels("shared@example.com", 4));

        first.Concat(second).Select(c => (c.GetProperty("id").GetInt32(), c.GetProperty("channel_ids").GetRawText()))
            .ShouldBe([(1, "[1]"), (2, "[2,3]"), (3, "[4]")]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(3);
    }

    [Theory]
    [InlineData(new[] { 1, 2 }, new[] { 2, 3 })]
    [InlineData(new[] { 5 }, new[] { 7, 6, 5 })]
    [InlineData(new[] { 2 }, null)]
    [InlineData(null, new[] { 9 })]
    [InlineData(null, null)]
    public async Task Customers_sharing_a_channel_cannot_share_an_email_and_a_global_one_shares_every_channel(int[]? held, int[]? asked)
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3Async(Customer("shared@example.com", new { channel_ids = held }));
        var before = await store.CustomersStateAsync();

        // In a later call, and in the same batch as a customer of its own email.
        var later = await store.PostCustomersAsync(Customer("SHARED@example.com", new { channel_ids = asked }));
        var inBatch = await store.PostCustomersAsync(
            Customer("pair@example.com", new { channel_ids = held }), Customer("pair@example.com", new { channel_ids = asked }));

        await later.ShouldBeRefusedAsync(CreateFailed, ("0.email", EmailInUse(creating: true, "SHARED@example.com")));
        await inBatch.ShouldBeRefusedAsync(CreateFailed, ("1.email", EmailInUse(creating: true, "pair@example.com")));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_V2_customer_is_global_so_V2_creates_clash_with_any_customer_of_the_email_and_V3_ones_with_it()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3Async(OnChannels("channel@example.com", 2));
        await store.CreateCustomerAsync("v2@example.com");
        var before = await store.CustomersStateAsync();

        var v2Create = await store.V2.PostJsonAsync("customers", new { first_name = "J", last_name = "D", email = "Channel@example.com" });
        var v3Create = await store.PostCustomersAsync(OnChannels("v2@example.com", 7));

        (await v2Create.ShouldBeV2ErrorAsync(HttpStatusCode.Conflict)).Messages()
            .ShouldBe(["The email address 'Channel@example.com' is already in use by another customer."]);
        await v3Create.ShouldBeRefusedAsync(CreateFailed, ("0.email", EmailInUse(creating: true, "v2@example.com")));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_V2_email_change_follows_the_channels_of_the_customer_it_moves()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3Async(OnChannels("one@example.com", 1), OnChannels("two@example.com", 2));
        var global = (await store.CreateCustomerAsync("global@example.com")).GetProperty("id").GetInt32();
        var before = await store.CustomersStateAsync();

        // The global customer shares a channel with each; customer 2 (channel 2) shares none with customer 1 (channel 1).
        var refused = await store.V2.PutJsonAsync($"customers/{global}", new { email = "two@example.com" });
        (await refused.ShouldBeV2ErrorAsync(HttpStatusCode.Conflict)).Messages()
            .ShouldBe(["The email address 'two@example.com' is already in use by another customer."]);
        (await store.CustomersStateAsync()).ShouldBe(before);

        (await store.V2.PutJsonAsync("customers/2", new { email = "ONE@example.com" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await store.V2.CustomersAsync()).Select(c => c.GetProperty("email").GetString())
            .ShouldBe(["one@example.com", "ONE@example.com", "global@example.com"]);
    }

    [Fact]
    public async Task A_V3_change_of_channels_is_checked_like_a_change_of_email()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3Async(OnChannels("shared@example.com", 1), OnChannels("shared@example.com", 2));
        var before = await store.CustomersStateAsync();

        var intoOverlap = await store.PutCustomersAsync(new { id = 2, channel_ids = new List<int> { 2, 1 } });
        var toGlobal = await store.V3.PutJsonAsync(Url, """[{"id":2,"notes":"x"},{"id":1,"channel_ids":null}]""");

        await intoOverlap.ShouldBeRefusedAsync(UpdateFailed, ("0.email", EmailInUse(creating: false, "shared@example.com")));
        await toGlobal.ShouldBeRefusedAsync(UpdateFailed, ("1.email", EmailInUse(creating: false, "shared@example.com")));
        (await store.CustomersStateAsync()).ShouldBe(before);

        // Onto channels no one else with the email has, and both onto each other's at once: allowed.
        (await store.UpdateV3Async(new { id = 2, channel_ids = new List<int> { 2, 3 } })).Single().GetProperty("channel_ids").GetRawText().ShouldBe("[2,3]");
        var swapped = await store.UpdateV3Async(new { id = 1, channel_ids = new List<int> { 2, 3 } }, new { id = 2, channel_ids = new List<int> { 1 } });
        swapped.Select(c => c.GetProperty("channel_ids").GetRawText()).ShouldBe(["[2,3]", "[1]"]);
    }

    [Fact]
    public async Task A_V3_email_change_is_free_onto_a_channel_the_emails_holder_is_not_on()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3Async(OnChannels("held@example.com", 1), OnChannels("mover@example.com", 2), Customer("global@example.com"));
        var before = await store.CustomersStateAsync();

        await (await store.PutCustomersAsync(new { id = 3, email = "held@example.com" }))
            .ShouldBeRefusedAsync(UpdateFailed, ("0.email", EmailInUse(creating: false, "held@example.com")));
        await (await store.PutCustomersAsync(new { id = 2, email = "held@example.com", channel_ids = new List<int> { 1, 2 } }))
            .ShouldBeRefusedAsync(UpdateFailed, ("0.email", EmailInUse(creating: false, "held@example.com")));
        (await store.CustomersStateAsync()).ShouldBe(before);

        var moved = (await store.UpdateV3Async(new { id = 2, email = "held@example.com" })).Single();

        (moved.GetProperty("email").GetString(), moved.GetProperty("channel_ids").GetRawText()).ShouldBe(("held@example.com", "[2]"));
    }

    [Fact]
    public async Task Once_the_global_customer_is_deleted_customers_of_single_channels_may_take_its_email()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("shared@example.com");
        await (await store.PostCustomersAsync(OnChannels("shared@example.com", 2))).ShouldBeRefusedAsync(CreateFailed,
            ("0.email", EmailInUse(creating: true, "shared@example.com")));

        (await store.V3.DeleteAsync("customers?id:in=1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var created = await store.CreateV3Async(OnChannels("shared@example.com", 2), OnChannels("shared@example.com", 1));
        created.Select(c => c.GetProperty("id").GetInt32()).ShouldBe([2, 3]);
    }

    [Fact]
    public async Task Validate_credentials_checks_the_customer_of_the_channel_asked_for_channel_1_when_none_is()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3Async(
            Customer("shared@example.com", new { channel_ids = new List<int> { 1 }, authentication = new { new_password = Passwords.Good } }),
            Customer("shared@example.com", new { channel_ids = new List<int> { 2, 3 }, authentication = new { new_password = Passwords.Other } }));

        (await CheckAsync(store, "shared@example.com", Passwords.Good, channel: null)).ShouldBe("""{"is_valid":true,"customer_id":1}""");
        (await CheckAsync(store, "SHARED@example.com", Passwords.Good, channel: 1)).ShouldBe("""{"is_valid":true,"customer_id":1}""");
        (await CheckAsync(store, "shared@example.com", Passwords.Other, channel: 3)).ShouldBe("""{"is_valid":true,"customer_id":2}""");
        (await CheckAsync(store, "shared@example.com", Passwords.Other, channel: 1)).ShouldBe("""{"is_valid":false}""");
        (await CheckAsync(store, "shared@example.com", Passwords.Good, channel: 2)).ShouldBe("""{"is_valid":false}""");
        (await CheckAsync(store, "shared@example.com", Passwords.Good, channel: 4)).ShouldBe("""{"is_valid":false}""");

        // Moved to channel 4, customer 2 logs in there and no longer on 3; a global customer logs in anywhere.
        await store.UpdateV3Async(new { id = 2, channel_ids = new List<int> { 4 } });
        (await CheckAsync(store, "shared@example.com", Passwords.Other, channel: 4)).ShouldBe("""{"is_valid":true,"customer_id":2}""");
        (await CheckAsync(store, "shared@example.com", Passwords.Other, channel: 3)).ShouldBe("""{"is_valid":false}""");
        await store.CreateV3Async(Customer("global@example.com", new { authentication = new { new_password = Passwords.Good } }));
        (await CheckAsync(store, "global@example.com", Passwords.Good, channel: 17)).ShouldBe("""{"is_valid":true,"customer_id":3}""");
    }

    private static async Task<string> CheckAsync(TestStore store, string email, string password, int? channel)
    {
        var body = channel is null ? (object)new { email, password } : new { email, password, channel_id = channel };
        var answer = await (await store.V3.PostJsonAsync(Credentials, body)).ShouldBeAsync(HttpStatusCode.OK);
        answer.ValueKind.ShouldBe(JsonValueKind.Object);
        return answer.GetRawText();
    }
}

public sealed class ChannelTests_Sqlite(SqliteApi api) : ChannelTests(api), IClassFixture<SqliteApi>;

public sealed class ChannelTests_Postgres(PostgresApi api) : ChannelTests(api), IClassFixture<PostgresApi>;
