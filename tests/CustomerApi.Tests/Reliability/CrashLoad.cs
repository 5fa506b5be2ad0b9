using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// The write load of the crash test. Each worker creates a customer (every field set, every third with a password),
/// upserts its ten attribute values, updates it, upserts the ten values again, and goes on to its next customer,
/// until the service dies under it. Every write and what became of it is written down in a <see cref="CustomerHistory"/>.
/// </summary>
public sealed class CrashLoad(HttpClient v2, HttpClient v3, int groupId, int[] attributeIds)
{
    private readonly ConcurrentQueue<CustomerHistory> _customers = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private int _tried;
    private int _acked;
    private int _inFlight;
    private int _serverErrors;
    private int _batches;
    private int _updates;
    private volatile bool _killing;
    private volatile bool _stopped;

    public IReadOnlyCollection<CustomerHistory> Customers => _customers;
    public int[] AttributeIds => attributeIds;
    public int Tried => _tried;
    public int Acked => _acked;
    public int InFlight => Volatile.Read(ref _inFlight);
    public int ServerErrors => _serverErrors;

    /// <summary>Answers other than success, and requests that got no answer before the kill: none are expected.</summary>
    public IReadOnlyCollection<string> Unexpected => _unexpected;

    /// <summary>Runs until <see cref="Killed"/>; the workers then stop sending, and the task ends once every answer is in.</summary>
    public Task RunAsync(int workers) => Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkerAsync(worker))));

    /// <summary>
    /// Returns once <paramref name="enough"/> says the load has done enough (given how long it has run and how many
    /// writes were acknowledged) and some request is on its way, for the kill to cut off.
    /// </summary>
    public async Task UntilAsync(Func<TimeSpan, int, bool> enough, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (!enough(clock.Elapsed, Acked) || InFlight == 0)
        {
            if (clock.Elapsed > patience)
            {
                throw new TimeoutException($"After {patience.TotalSeconds} s only {Acked} writes were acknowledged: {string.Join("; ", _unexpected.Take(5))}");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>From now on a request without an answer is one the kill cut off, not a fault. The workers keep sending.</summary>
    public void Killing() => _killing = true;

    /// <summary>The service is gone: the workers stop sending (they stop at the first request the kill cut off, too).</summary>
    public void Killed() => _stopped = true;

    private async Task WorkerAsync(int worker)
    {
        for (var n = 0; !_stopped; n++)
        {
            var history = new CustomerHistory(NewCustomer(worker, n), n % 3 == 0 ? $"Crash{worker}word{n}" : null);
            _customers.Enqueue(history);
            var (outcome, created) = await SendAsync(() => v2.PostJsonAsync("customers", history.Created.CreateBody(history.Password)));
            history.CreateOutcome = outcome;
            if (outcome != WriteOutcome.Acked)
            {
                continue;
            }

            history.Id = created.GetProperty("id").GetInt32();
            if (await UpsertAsync(history) && await UpdateAsync(history))
            {
                await UpsertAsync(history);
            }
        }
    }

    private CustomerFields NewCustomer(int worker, int n) => new(
        FirstName: $"First w{worker}n{n}", LastName: $"Last w{worker}n{n}", Email: $"w{worker}.n{n}@crash.example.com",
        Company: $"Company w{worker}n{n}", Phone: $"+1 555 {worker:00}{n:0000}", Notes: $"created by worker {worker}",
        TaxExemptCategory: ((char)('A' + n % 26)).ToString(), RegistrationIpAddress: $"10.0.{worker}.{n % 250}",
        StoreCredit: n + 0.1234m, CustomerGroupId: groupId, ResetPassOnLogin: n % 2 == 1);

    /// <returns>Whether the write was acknowledged, so the next write to the customer may go.</returns>
    private async Task<bool> UpsertAsync(CustomerHistory history)
    {
        if (_stopped)
        {
            return false;
        }

        var marker = $"b{Interlocked.Increment(ref _batches)}";
        var items = attributeIds.Select(attribute => new { customer_id = history.Id, attribute_id = attribute, value = marker }).ToArray();
        var (outcome, answer) = await SendAsync(() => v3.PutJsonAsync("customers/attribute-values", items));
        int[] ids = outcome == WriteOutcome.Acked ? [.. answer.Data().OrderBy(v => v.GetProperty("attribute_id").GetInt32()).Select(v => v.GetProperty("id").GetInt32())] : [];
        history.Batches.Add(new BatchWrite(marker, outcome, ids));
        return outcome == WriteOutcome.Acked;
    }

    private async Task<bool> UpdateAsync(CustomerHistory history)
    {
        if (_stopped)
        {
            return false;
        }

        var fields = history.Created.Updated(Interlocked.Increment(ref _updates));
        var (outcome, _) = await SendAsync(() => v2.PutJsonAsync($"customers/{history.Id}", fields.UpdateBody()));
        history.Updates.Add((fields, outcome));
        return outcome == WriteOutcome.Acked;
    }

    private async Task<(WriteOutcome Outcome, JsonElement Body)> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        Interlocked.Increment(ref _tried);
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var response = await send();
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _acked);
                return (WriteOutcome.Acked, JsonDocument.Parse(text).RootElement.Clone());
            }

            if ((int)response.StatusCode >= 500)
            {
                Interlocked.Increment(ref _serverErrors);
            }

            _unexpected.Enqueue($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
            return (WriteOutcome.Refused, default);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            if (_killing)
            {
                _stopped = true; // the service is going or gone: sending more would only count refused connections
            }
            else
            {
                _unexpected.Enqueue($"no answer before the kill: {e.GetType().Name} {e.Message}");
            }

            return (WriteOutcome.Unknown, default);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
