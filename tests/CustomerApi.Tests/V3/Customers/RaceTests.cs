using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.Reliability;
using CustomerApi.Tests.V2.CustomerGroups;
using CustomerApi.Tests.V2.Customers;
using CustomerApi.Tests.V3.AttributeValues;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3.Customers;

/// <summary>
/// V3 customer writes racing each other and V2's: creates of one email, released together, make exactly one customer;
/// batch updates racing the delete of one of their customers get an ordinary answer each (never a 5xx), and a batch
/// that was refused changed none of its customers.
/// </summary>
public abstract class RaceTests(ApiFixture api)
{
    private const int Racers = 20;
    private const int Rounds = 10;
    private const int Updaters = 8;

    /// <summary>One email, as different clients might type it.</summary>
    private static string Spelling(int i) => (i % 4) switch
    {
        0 => "race@example.com",
        1 => "RACE@example.com",
        2 => "  Race@Example.COM ",
        _ => "race@EXAMPLE.com\t",
    };

    [Fact]
    public async Task Concurrent_creates_of_one_email_give_one_200_and_the_rest_422_and_one_customer()
    {
        var store = await WarmStoreAsync();
        var line = new StartingLine(Racers);
        line.GoAfter(TimeSpan.FromSeconds(30));

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i =>
            store.V3.PostAsync(Url, line.Json(new[] { Customer(Spelling(i), new { last_name = $"Racer {i}" }) }))));

        var winner = OneWinner(responses, HttpStatusCode.OK);
        for (var i = 0; i < Racers; i++)
        {
            if (i != winner)
            {
                await responses[i].ShouldBeRefusedAsync(CreateFailed, ("0.email", EmailInUse(creating: true, Spelling(i))));
            }
        }

        var created = (await responses[winner].ShouldBeWrittenAsync(1)).Single();
        var listed = (await store.V2.CustomersAsync("email=race@example.com")).ShouldHaveSingleItem();
        listed.GetProperty("id").GetInt32().ShouldBe(created.GetProperty("id").GetInt32());
        listed.GetProperty("last_name").GetString().ShouldBe($"Racer {winner}");
        listed.GetProperty("email").GetString().ShouldBe(Spelling(winner).Trim());
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_batches_sharing_one_email_give_one_whole_batch_and_nothing_of_the_others()
    {
        var store = await WarmStoreAsync();
        var line = new StartingLine(Racers);
        line.GoAfter(TimeSpan.FromSeconds(30));

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i =>
            store.V3.PostAsync(Url, line.Json(new[] { Customer($"own{i}@example.com"), Customer(Spelling(i)) }))));

        var winner = OneWinner(responses, HttpStatusCode.OK);
        for (var i = 0; i < Racers; i++)
        {
            if (i != winner)
            {
                await responses[i].ShouldBeRefusedAsync(CreateFailed, ("1.email", EmailInUse(creating: true, Spelling(i))));
            }
        }

        (await store.V2.CustomersAsync()).Select(c => c.GetProperty("email").GetString()!.Trim())
            .ShouldBe(["warm@example.com", $"own{winner}@example.com", Spelling(winner).Trim()]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task Concurrent_V2_and_V3_creates_of_one_email_make_one_customer()
    {
        var store = await WarmStoreAsync();
        var line = new StartingLine(Racers);
        line.GoAfter(TimeSpan.FromSeconds(30));

        // V3's racers are global or of channel 1, so each shares a channel with every other racer (V2's are global).
        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => i % 2 == 0
            ? store.V3.PostAsync(Url, line.Json(new[] { Customer(Spelling(i), new { channel_ids = i % 4 == 0 ? null : new List<int> { 1 } }) }))
            : store.V2.PostAsync("customers", line.Json(Customer(Spelling(i))))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToArray();
        statuses.Count(s => s is 200 or 201).ShouldBe(1, string.Join(", ", statuses));
        for (var i = 0; i < Racers; i++)
        {
            if (statuses[i] is 200 or 201)
            {
                continue;
            }

            if (i % 2 == 0)
            {
                await responses[i].ShouldBeRefusedAsync(CreateFailed, ("0.email", EmailInUse(creating: true, Spelling(i))));
            }
            else
            {
                (await responses[i].ShouldBeV2ErrorAsync(HttpStatusCode.Conflict)).Messages()
                    .ShouldBe([$"The email address '{Spelling(i).Trim()}' is already in use by another customer."]);
            }
        }

        (await store.V2.CustomersAsync("email=race@example.com")).ShouldHaveSingleItem();
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Batch_updates_racing_the_delete_of_one_of_their_customers_answer_200_409_or_422_and_a_refused_batch_changes_nothing()
    {
        var store = await WarmStoreAsync();
        var attribute = (await store.CreateAttributesAsync(("Tier", "string"))).Single();
        var statuses = new List<int>();

        for (var round = 0; round < Rounds; round++)
        {
            var created = await store.CreateV3Async(
                Customer($"doomed{round}@example.com", new
                {
                    addresses = new[] { Address() }, attributes = new[] { new { attribute_id = attribute, attribute_value = "gold" } },
                }),
                Customer($"stays{round}@example.com", new { notes = "start" }));
            var (doomed, stays) = (created[0].GetProperty("id").GetInt32(), created[1].GetProperty("id").GetInt32());

            // Half the updaters move the doomed customer's email (which locks it), half only its notes; all change the other's notes.
            var holdBack = TimeSpan.FromMilliseconds(round % 4);
            var updates = Enumerable.Range(0, Updaters).Select(i => Task.Run(() => store.PutCustomersAsync(
                i % 2 == 0 ? new { id = doomed, notes = $"u{i}", email = $"moved{round}.{i}@example.com" } : (object)new { id = doomed, notes = $"u{i}" },
                new { id = stays, notes = $"u{i}" }))).ToArray();
            var deleting = Task.Run(async () =>
            {
                await Task.Delay(holdBack);
                return round % 2 == 0 ? await store.V3.DeleteAsync($"{Url}?id:in={doomed}") : await store.V2.DeleteAsync($"customers/{doomed}");
            });
            var answers = await Task.WhenAll(updates);
            var deleted = await deleting;

            statuses.Add((int)deleted.StatusCode);
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
            var written = new List<string>();
            for (var i = 0; i < Updaters; i++)
            {
                var response = answers[i];
                statuses.Add((int)response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                ((int)response.StatusCode).ShouldBeOneOf([200, 409, 422], body);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var data = await response.ShouldBeWrittenAsync(2);
                    data.Select(c => c.GetProperty("notes").GetString()).ShouldBe([$"u{i}", $"u{i}"]);
                    written.Add($"u{i}");
                }
                else if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
                {
                    await response.ShouldBeRefusedAsync(UpdateFailed, ("0.id", $"Customer {doomed} does not exist."));
                }
                else
                {
                    (await response.ShouldBeV3ErrorAsync(HttpStatusCode.Conflict)).Errors().ShouldBeEmpty();
                }
            }

            // The doomed customer is gone with its address, value and emails; the other holds the notes of a batch that was written, or none.
            (await store.V2.GetAsync($"customers/{doomed}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await store.V2.GetAsync($"customers/{doomed}/addresses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await store.ValuesAsync($"customer_id:in={doomed}")).ShouldBeEmpty();
            (await store.V2.IdsAsync($"email=doomed{round}@example.com")).ShouldBeEmpty();
            var notes = (await store.V3CustomerAsync(stays, "storecredit")).GetProperty("notes").GetString();
            if (written.Count == 0)
            {
                notes.ShouldBe("start");
            }
            else
            {
                notes.ShouldBeOneOf([.. written]);
            }

            (await store.V2.GetFromJsonCountAsync()).ShouldBe(round + 2);
        }

        statuses.ShouldAllBe(s => s < 500);
        (await store.V2.IdsAsync()).Length.ShouldBe(Rounds + 1);
        // Every email the doomed customers held or were moved to is free again.
        (await store.CreateV3Async(Customer("doomed0@example.com"), Customer("moved0.0@example.com"))).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Creates_and_moves_into_a_group_racing_its_delete_answer_200_or_422_and_leave_no_customer_in_it()
    {
        var store = await WarmStoreAsync();
        var created = 1;

        for (var round = 0; round < Rounds; round++)
        {
            var groupId = (await store.CreateGroupAsync($"Group {round}")).GetProperty("id").GetInt32();
            var holdBack = TimeSpan.FromMilliseconds(round % 4);

            var writes = Enumerable.Range(0, Updaters).Select(i => Task.Run(() => i % 2 == 0
                ? store.PostCustomersAsync(Customer($"r{round}.{i}@example.com", new { customer_group_id = groupId, addresses = new[] { Address() } }))
                : store.PutCustomersAsync(new { id = 1, customer_group_id = groupId, notes = $"r{round}.{i}" }))).ToArray();
            var deleting = Task.Run(async () =>
            {
                await Task.Delay(holdBack);
                return await store.V2.DeleteAsync($"customer_groups/{groupId}");
            });
            var answers = await Task.WhenAll(writes);

            (await deleting).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            for (var i = 0; i < Updaters; i++)
            {
                if (answers[i].StatusCode == HttpStatusCode.OK)
                {
                    (await answers[i].ShouldBeWrittenAsync(1)).Single().GetProperty("customer_group_id").GetInt32().ShouldBe(groupId);
                    created += i % 2 == 0 ? 1 : 0;
                }
                else
                {
                    await answers[i].ShouldBeRefusedAsync(i % 2 == 0 ? CreateFailed : UpdateFailed, ("0.customer_group_id", $"Customer group {groupId} does not exist…"));
                }
            }

            (await store.V2.IdsAsync($"customer_group_id={groupId}")).ShouldBeEmpty();
            (await store.V2.GetFromJsonCountAsync()).ShouldBe(created);
        }

        (await store.V2.CustomersAsync("limit=250")).ShouldAllBe(c => c.GetProperty("customer_group_id").GetInt32() == 0);
    }

    [Fact]
    public async Task A_V3_move_to_every_channel_racing_a_V2_move_to_an_email_never_puts_one_email_twice_on_a_channel()
    {
        var store = await WarmStoreAsync();
        var outcomes = new List<string>();

        for (var round = 0; round < Rounds * 3; round++)
        {
            // Apart, each move is allowed: the mover (channel 2) may take the email of the holder (channel 1), or become
            // global. Together they would put the email on channel 1 twice, so at most one of them may succeed.
            var created = await store.CreateV3Async(OnChannel($"held{round}@example.com", 1), OnChannel($"mover{round}@example.com", 2));
            var (held, mover) = (created[0].GetProperty("id").GetInt32(), created[1].GetProperty("id").GetInt32());
            var holdBack = TimeSpan.FromMilliseconds(round % 3);

            var toEveryChannel = Task.Run(() => store.V3.PutJsonAsync(Url, $$"""[{"id":{{mover}},"channel_ids":null}]"""));
            var toTheEmail = Task.Run(async () =>
            {
                await Task.Delay(holdBack);
                return await store.V2.PutJsonAsync($"customers/{mover}", new { email = $"held{round}@example.com" });
            });
            var (v3, v2) = (await toEveryChannel, await toTheEmail);

            outcomes.Add($"{(int)v3.StatusCode}/{(int)v2.StatusCode}");
            ((int)v3.StatusCode).ShouldBeOneOf([200, 409, 422], await v3.Content.ReadAsStringAsync());
            ((int)v2.StatusCode).ShouldBeOneOf([200, 409], await v2.Content.ReadAsStringAsync());
            (v3.StatusCode == HttpStatusCode.OK && v2.StatusCode == HttpStatusCode.OK).ShouldBeFalse($"round {round}: both moves were written");
            var moved = await store.V3CustomerAsync(mover, "storecredit");
            moved.GetProperty("email").GetString().ShouldBe(v2.StatusCode == HttpStatusCode.OK ? $"held{round}@example.com" : $"mover{round}@example.com");
            moved.GetProperty("channel_ids").GetRawText().ShouldBe(v3.StatusCode == HttpStatusCode.OK ? "null" : "[2]");
            (await store.V3CustomerAsync(held, "storecredit")).GetProperty("channel_ids").GetRawText().ShouldBe("[1]");
        }

        // Each move won some rounds: the race went both ways.
        var summary = string.Join(", ", outcomes);
        outcomes.ShouldContain("200/409", summary);
        outcomes.ShouldContain(o => o.EndsWith("/200", StringComparison.Ordinal), summary);
    }

    private static Dictionary<string, object?> OnChannel(string email, int channel) => Customer(email, new { channel_ids = new List<int> { channel } });

    /// <summary>A store whose tokens the service has cached and whose first customer (warm@example.com) exists.</summary>
    private async Task<TestStore> WarmStoreAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateV3Async(Customer("warm@example.com"))).Single().GetProperty("id").GetInt32().ShouldBe(1);
        return store;
    }

    /// <summary>Exactly one of <paramref name="responses"/> is <paramref name="status"/>; returns its index.</summary>
    private static int OneWinner(HttpResponseMessage[] responses, HttpStatusCode status)
    {
        var statuses = responses.Select(r => r.StatusCode).ToArray();
        var summary = string.Join(", ", statuses.Select(s => (int)s));
        statuses.Count(s => s == status).ShouldBe(1, summary);
        statuses.Count(s => s == HttpStatusCode.UnprocessableEntity).ShouldBe(responses.Length - 1, summary);
        return Array.IndexOf(statuses, status);
    }
}

public sealed class RaceTests_Sqlite(SqliteApi api) : RaceTests(api), IClassFixture<SqliteApi>;

public sealed class RaceTests_Postgres(PostgresApi api) : RaceTests(api), IClassFixture<PostgresApi>;
