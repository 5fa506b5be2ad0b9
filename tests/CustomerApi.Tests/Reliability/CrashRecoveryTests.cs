using System.Diagnostics;
using System.Net;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// The service as a separate process under a create/update/upsert load, killed with SIGKILL while requests are in
/// flight, then started again on the same database: every write that was answered with success is there, and no
/// write is there in part (a customer with some of its fields, a batch with some of its values).
/// </summary>
public abstract class CrashRecoveryTests(ApiFixture api, ReliabilityFigures figures) : IAsyncLifetime
{
    private const int Workers = 16;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string _hash = "crash" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _token = Guid.NewGuid().ToString("N");
    private readonly string _sqliteFile = TempFiles.NewPath("crash", ".db");
    private string _connection = "";

    public async Task InitializeAsync() =>
        _connection = api.Provider == StorageProvider.Postgres ? await PostgresServer.NewDatabaseAsync() : $"Data Source={_sqliteFile}";

    public Task DisposeAsync()
    {
        if (api.Provider == StorageProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools(); // the checks' connections, so the file can go
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_sqliteFile + suffix);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_9_under_load_and_nothing_is_half_written()
    {
        var clock = Stopwatch.StartNew();
        var load = await LoadUntilKilledAsync();
        var killedAt = clock.Elapsed;

        var verdict = new CrashVerdict();
        await CrashChecks.OnDiskAsync(api.Provider, _connection, _hash, verdict);
        await using (var restarted = await ServiceProcess.StartAsync(api.Provider, _connection, _hash, _token))
        {
            using var v2 = restarted.Client("v2");
            using var v3 = restarted.Client("v3");
            await CrashChecks.ThroughHttpAsync(v2, v3, load, verdict);
            await CrashChecks.TakesNewWritesAsync(v2, v3, load.AttributeIds, verdict);
        }

        var created = load.Customers.Count(c => c.CreateOutcome == WriteOutcome.Acked);
        figures.Print("kill -9 under load", api.Provider.ToString(), load.Tried, load.ServerErrors, verdict.Lost.Count,
            $"{load.Acked} writes acknowledged ({created} customers created), {load.Customers.Sum(CutOff)} cut off by the kill, " +
            $"{verdict.Broken.Count} half-written or inconsistent; killed after {killedAt.TotalSeconds:0.0} s, checked after {clock.Elapsed.TotalSeconds:0.0} s");
        load.Unexpected.ShouldBeEmpty("every request before the kill is answered with success");
        created.ShouldBeGreaterThan(0, "the load wrote before the kill");
        verdict.Lost.ShouldBeEmpty("acknowledged writes lost");
        verdict.Broken.ShouldBeEmpty("half-written or inconsistent after the restart");
    }

    /// <summary>Starts the service, loads it until enough writes are acknowledged, and kills it with requests in flight.</summary>
    private async Task<CrashLoad> LoadUntilKilledAsync()
    {
        await using var doomed = await ServiceProcess.StartAsync(api.Provider, _connection, _hash, _token);
        using var v2 = doomed.Client("v2");
        using var v3 = doomed.Client("v3");
        var load = new CrashLoad(v2, v3, await NewGroupAsync(v2), await NewAttributesAsync(v3));

        var running = load.RunAsync(Workers);
        // 1.5 to 3 s of load; a slow machine gets longer, until every worker has had a few writes acknowledged.
        await load.UntilAsync((ran, acked) => (ran.TotalSeconds >= 1.5 && acked >= 150) || (ran.TotalSeconds >= 3 && acked >= 4 * Workers), Patience);
        load.Killing();
        await doomed.KillAsync(); // the workers keep sending until it is done, so the kill lands in the middle of requests
        load.Killed();
        await running.WaitAsync(Patience);
        return load;
    }

    private static int CutOff(CustomerHistory customer) =>
        (customer.CreateOutcome == WriteOutcome.Unknown ? 1 : 0) + customer.Updates.Count(u => u.Outcome == WriteOutcome.Unknown)
        + customer.Batches.Count(b => b.Outcome == WriteOutcome.Unknown);

    private static async Task<int> NewGroupAsync(HttpClient v2)
    {
        var response = await v2.PostJsonAsync("customer_groups", new { name = "Crash testers" });
        return (await response.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    private static async Task<int[]> NewAttributesAsync(HttpClient v3)
    {
        var response = await v3.PostJsonAsync("customers/attributes", Enumerable.Range(1, 10).Select(i => new { name = $"Crash field {i}", type = "string" }).ToArray());
        return [.. (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Select(a => a.GetProperty("id").GetInt32()).Order()];
    }
}

public sealed class CrashRecoveryTests_Sqlite(SqliteApi api, ReliabilityFigures figures)
    : CrashRecoveryTests(api, figures), IClassFixture<SqliteApi>, IClassFixture<ReliabilityFigures>;

public sealed class CrashRecoveryTests_Postgres(PostgresApi api, ReliabilityFigures figures)
    : CrashRecoveryTests(api, figures), IClassFixture<PostgresApi>, IClassFixture<ReliabilityFigures>;
