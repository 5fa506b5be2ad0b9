using System.Net;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// The largest pages the caps allow, read by 32 clients at once from the built service as its own process: 250
/// customers with 65,535-character notes (16 MB of JSON) and 250 groups with 1,000 categories and 1,000 discount rules
/// each (19 MB). Every answer is whole, and the service's peak resident memory stays under 300 MB on PostgreSQL (issue
/// 12's target) and 400 MB on SQLite, whose reader holds each row whole.
/// </summary>
public abstract class LargePageMemoryTests(ApiFixture api, ReliabilityFigures figures) : IAsyncLifetime
{
    private const int Readers = 32;
    private long MemoryCeiling => (api.Provider == StorageProvider.Postgres ? 300L : 400L) * 1024 * 1024;

    private readonly string _sqliteFile = TempFiles.NewPath("pages", ".db");
    private string _connection = "";

    public async Task InitializeAsync() =>
        _connection = api.Provider == StorageProvider.Postgres ? await PostgresServer.NewDatabaseAsync() : $"Data Source={_sqliteFile}";

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_sqliteFile + suffix);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Thirty_two_readers_of_the_largest_pages_get_them_whole_within_300_MB_on_PostgreSQL()
    {
        await using var service = await ServiceProcess.StartAsync(api.Provider, _connection, "pages" + Guid.NewGuid().ToString("N")[..8], Guid.NewGuid().ToString("N"));
        using var v2 = service.Client("v2");
        await SeedAsync(v2);
        var before = service.PeakMemoryBytes();

        var sizes = await Task.WhenAll(Enumerable.Range(0, Readers).Select(async i =>
            (Customers: await ReadAsync(v2, "customers?limit=250", service), Groups: await ReadAsync(v2, "customer_groups?limit=250", service))));

        var peak = service.PeakMemoryBytes();
        figures.Print("largest pages, 32 readers", api.Provider.ToString(), Readers * 2, 0, 0,
            $"{sizes[0].Customers / 1_000_000} MB and {sizes[0].Groups / 1_000_000} MB a page; peak RSS {before / 1_048_576} MB seeded, {peak / 1_048_576} MB read");
        sizes.Select(s => s.Customers).Distinct().ShouldHaveSingleItem().ShouldBeGreaterThan(16_000_000);
        sizes.Select(s => s.Groups).Distinct().ShouldHaveSingleItem().ShouldBeGreaterThan(15_000_000);
        peak.ShouldBeLessThan(MemoryCeiling, $"peak RSS {peak / 1_048_576} MB");

        // One of each, parsed: every row is there, whole.
        var customers = await (await v2.GetAsync("customers?limit=250")).ShouldBeAsync(HttpStatusCode.OK);
        customers.GetArrayLength().ShouldBe(250);
        customers.EnumerateArray().ShouldAllBe(c => c.GetProperty("notes").GetString()!.Length == 65_535);
        var groups = await (await v2.GetAsync("customer_groups?limit=250")).ShouldBeAsync(HttpStatusCode.OK);
        groups.GetArrayLength().ShouldBe(250);
        groups.EnumerateArray().ShouldAllBe(g => g.GetProperty("discount_rules").GetArrayLength() == 1000);
    }

    private static async Task SeedAsync(HttpClient v2)
    {
        var notes = new string('n', 65_535);
        var group = new
        {
            category_access = new { type = "specific", categories = Enumerable.Range(1_000_000, 1000).ToArray() },
            discount_rules = Enumerable.Range(1_000_000, 1000).Select(id => new { type = "product", product_id = id, method = "percent", amount = 12.5 }).ToArray(),
        };
        var groupJson = JsonSerializer.SerializeToElement(group);
        await Parallel.ForEachAsync(Enumerable.Range(1, 250), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var customer = await v2.PostJsonAsync("customers", new { first_name = "Long", last_name = "Notes", email = $"long{i}@example.com", notes });
            customer.StatusCode.ShouldBe(HttpStatusCode.Created);
            var body = new Dictionary<string, object> { ["name"] = $"Group {i}" };
            foreach (var property in groupJson.EnumerateObject())
            {
                body[property.Name] = property.Value;
            }

            (await v2.PostJsonAsync("customer_groups", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        });
    }

    /// <summary>Reads a page to its end without keeping it; returns its length in bytes.</summary>
    private static async Task<long> ReadAsync(HttpClient v2, string url, ServiceProcess service)
    {
        using var response = await v2.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, service.RecentOutput);
        await using var body = await response.Content.ReadAsStreamAsync();
        var counter = new CountingStream();
        await body.CopyToAsync(counter);
        return counter.Length;
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}

[Collection(RunsAlone.Name)]
public sealed class LargePageMemoryTests_Sqlite(SqliteApi api, ReliabilityFigures figures)
    : LargePageMemoryTests(api, figures), IClassFixture<SqliteApi>, IClassFixture<ReliabilityFigures>;

[Collection(RunsAlone.Name)]
public sealed class LargePageMemoryTests_Postgres(PostgresApi api, ReliabilityFigures figures)
    : LargePageMemoryTests(api, figures), IClassFixture<PostgresApi>, IClassFixture<ReliabilityFigures>;
