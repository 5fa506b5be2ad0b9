using System.Net;
using System.Text.RegularExpressions;
using CustomerApi.Bootstrap;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CustomerApi.Tests.Service;

/// <summary>
/// The embedded default (SQLite, nothing configured) has an admin key of its own: made at the first start, kept beside
/// the database, printed with the demo token, and the same on the next start.
/// </summary>
public sealed partial class EmbeddedAdminKeyTests
{
    [Fact]
    public async Task The_first_start_makes_and_prints_an_admin_key_kept_beside_the_database_and_the_next_start_uses_it_again()
    {
        var sqliteFile = TempFiles.NewPath("embedded", ".db");
        var keyFile = sqliteFile + EmbeddedAdminKey.FileSuffix;
        try
        {
            string printed;
            await using (var first = await StartAsync(sqliteFile))
            {
                printed = await PrintedKeyAsync(first);
                (await File.ReadAllTextAsync(keyFile)).Trim().ShouldBe(printed);
                if (!OperatingSystem.IsWindows())
                {
                    File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "a secret: its owner's only");
                }

                await AssertTheKeyOpensTheAdminApiAsync(first, printed);
            }

            await using var second = await StartAsync(sqliteFile);
            (await PrintedKeyAsync(second)).ShouldBe(printed);
            await AssertTheKeyOpensTheAdminApiAsync(second, printed);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", EmbeddedAdminKey.FileSuffix })
            {
                File.Delete(sqliteFile + suffix);
            }
        }
    }

    private static Task<ServiceProcess> StartAsync(string sqliteFile) =>
        ServiceProcess.StartAsync(StorageProvider.Sqlite, $"Data Source={sqliteFile}", DemoStore.Hash, DemoStore.Token, configureStore: false);

    private static async Task AssertTheKeyOpensTheAdminApiAsync(ServiceProcess service, string key)
    {
        using var client = new HttpClient { BaseAddress = service.Address };
        (await client.GetAsync("admin/stores")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Add("X-Admin-Key", key);
        var stores = await (await client.GetAsync("admin/stores")).ShouldBeAsync(HttpStatusCode.OK);
        stores.EnumerateArray().Select(s => s.GetProperty("hash").GetString()).ShouldContain(DemoStore.Hash);
    }

    /// <summary>The key of the banner's X-Admin-Key line, once the banner is out (or after 10 s, to fail on).</summary>
    private static async Task<string> PrintedKeyAsync(ServiceProcess service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!KeyLine().IsMatch(service.RecentOutput))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"no X-Admin-Key line in:\n{service.RecentOutput}");
            await Task.Delay(50);
        }

        return KeyLine().Match(service.RecentOutput).Groups[1].Value;
    }

    [GeneratedRegex(@"X-Admin-Key:\s+(\S+)")]
    private static partial Regex KeyLine();
}
