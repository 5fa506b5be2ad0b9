using System.Diagnostics;
using CustomerApi.Data;
using CustomerApi.Features.Health;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CustomerApi.Tests.Service;

/// <summary>
/// <c>dotnet CustomerApi.dll --health-check</c>, the Docker image's HEALTHCHECK: exit 0 when the service on that port
/// answers /health with 200, 1 when nothing listens there. It needs no database of its own, so SQLite only.
/// </summary>
public sealed class HealthCheckCommandTests(HealthCheckCommandTests.RunningService running) : IClassFixture<HealthCheckCommandTests.RunningService>
{
    private ServiceProcess Service => running.Service;

    [Fact]
    public async Task It_exits_0_for_a_running_service_on_the_port_of_ASPNETCORE_HTTP_PORTS()
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_HTTP_PORTS"] = Service.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            HealthCheckCommand.Flag);

        exitCode.ShouldBe(0, output);
        output.ShouldContain($"http://localhost:{Service.Address.Port}/health: 200");
    }

    [Fact]
    public async Task It_exits_0_for_a_running_service_at_the_URL_given()
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_HTTP_PORTS"] = null }, HealthCheckCommand.Flag, Service.Address.ToString());

        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public async Task It_exits_1_when_nothing_listens_on_the_port()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");

        var (exitCode, output) = await ServiceProcess.RunCommandAsync(new Dictionary<string, string?>(), HealthCheckCommand.Flag, closed.ToString());

        exitCode.ShouldBe(1, output);
    }

    [Fact]
    public async Task A_closed_port_is_told_at_once_not_after_the_timeout()
    {
        var clock = Stopwatch.StartNew();

        var exitCode = await HealthCheckCommand.RunAsync([HealthCheckCommand.Flag, $"http://127.0.0.1:{LoopbackPort.Free()}"]);

        exitCode.ShouldBe(1);
        clock.Elapsed.ShouldBeLessThan(HealthCheckCommand.Timeout);
    }

    [Theory]
    [InlineData(null, null, "http://localhost:8080/health")]
    [InlineData(null, "8080", "http://localhost:8080/health")]
    [InlineData(null, "5000;5001", "http://localhost:5000/health")]
    [InlineData("http://127.0.0.1:5080", "8080", "http://127.0.0.1:5080/health")]
    [InlineData("http://127.0.0.1:5080/health", null, "http://127.0.0.1:5080/health")]
    public void The_URL_asked_is_health_of_the_one_given_else_of_the_first_HTTP_port_else_of_8080(string? given, string? httpPorts, string expected) =>
        HealthCheckCommand.HealthUrl(given, httpPorts).ToString().ShouldBe(expected);

    /// <summary>One service for the class, on a SQLite file of its own.</summary>
    public sealed class RunningService : IAsyncLifetime
    {
        private readonly string _sqliteFile = TempFiles.NewPath("health", ".db");
        private ServiceProcess? _service;

        public ServiceProcess Service => _service ?? throw new InvalidOperationException("not started");

        public async Task InitializeAsync() =>
            _service = await ServiceProcess.StartAsync(StorageProvider.Sqlite, $"Data Source={_sqliteFile}", "health", "health-token");

        public async Task DisposeAsync()
        {
            if (_service is not null)
            {
                await _service.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
    }
}
