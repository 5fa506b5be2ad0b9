using System.Diagnostics;
using Npgsql;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests run against: the server named by CUSTOMERAPI_TEST_POSTGRES, or else a throwaway
/// cluster started here from the machine's PostgreSQL binaries (as user postgres when running as root, since
/// the server refuses root) and removed when the test run ends. Each run gets a fresh database either way.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "CUSTOMERAPI_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>A connection string to a new, empty database on the test server.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(await Server.Value) { Pooling = false };
        var name = $"customerapi_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        if (_supervisor is null)
        {
            TestRun.AtEnd("dropping " + name, () => DropQuietly(server.ConnectionString, name)); // a throwaway server takes its databases with it
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true, MaxPoolSize = 50, Timeout = 15 }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var bin = FindBinaries();
        var dataDir = Path.Combine(Path.GetTempPath(), $"customerapi-test-pg-{Guid.NewGuid():N}");
        var port = LoopbackPort.Free();
        // The supervisor holds the server and blocks on its stdin; when the pipe closes (at the end of the run, or when
        // this process ends, even killed), the supervisor stops the server and removes the cluster.
        var script = $"""
            set -e
            "{bin}/initdb" -D "{dataDir}" -U postgres -A trust -E UTF8 --no-sync > /dev/null
            "{bin}/postgres" -D "{dataDir}" -p {port} -k "{dataDir}" -c listen_addresses=127.0.0.1 -c max_connections=1000 \
                -c fsync=off -c synchronous_commit=off -c full_page_writes=off > "{dataDir}.log" 2>&1 &
            server=$!
            cat > /dev/null || true
            kill -QUIT $server 2> /dev/null || true
            wait $server || true
            rm -rf "{dataDir}" "{dataDir}.log"
            """;
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : "sh") { RedirectStandardInput = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in (asRoot ? ["-u", "postgres", "--", "sh", "-c", script] : new[] { "-c", script }))
        {
            start.ArgumentList.Add(argument);
        }

        _supervisor = Process.Start(start)!;
        var supervisor = _supervisor;
        TestRun.AtEnd("stopping the throwaway PostgreSQL", () =>
        {
            supervisor.StandardInput.Close();
            supervisor.WaitForExit(TimeSpan.FromSeconds(30));
        });
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=2";
        await WaitUntilUpAsync(connectionString, dataDir);
        return connectionString;
    }

    private static Process? _supervisor;

    private static async Task WaitUntilUpAsync(string connectionString, string dataDir)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && _supervisor is { HasExited: false })
            {
                await Task.Delay(200);
            }
            catch (NpgsqlException e)
            {
                var log = File.Exists(dataDir + ".log") ? await File.ReadAllTextAsync(dataDir + ".log") : "(no server log)";
                throw new InvalidOperationException($"The throwaway PostgreSQL did not start: {e.Message}\n{log}", e);
            }
        }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            : [];
        var pathDirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        return candidates.Concat(pathDirs).FirstOrDefault(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException(
                $"No PostgreSQL server binaries (initdb, postgres) found. Install them (apt-get install postgresql) or set {EnvironmentVariable}.");
    }

    private static void DropQuietly(string server, string database)
    {
        try
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // the throwaway server may already be gone; it takes its databases with it
        }
    }
}
