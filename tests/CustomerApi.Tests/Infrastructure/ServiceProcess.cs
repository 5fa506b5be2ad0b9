using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// The service as a real, separate process (<c>dotnet CustomerApi.dll</c>, the build beside the tests) on a free
/// loopback port, with one bootstrapped store, so that a kill -9 kills what a crash kills. Disposing kills it if it
/// is still running, and so does the end of the test run, even a killed one.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 200;

    /// <summary>
    /// Runs the command it is given ("$@") beside a watcher that reads this test process's end of a pipe (stdin, kept
    /// as fd 3, since a background job's stdin is /dev/null): when the test run ends, however it ends, the pipe closes
    /// and the watcher kills the service, so no service outlives the run. The shell ends when the service does.
    /// </summary>
    private const string Supervised = """
        exec 3<&0
        "$@" 3<&- &
        service=$!
        (cat <&3 > /dev/null; kill -9 $service 2> /dev/null) &
        exec 3<&-
        wait $service
        """;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string _storeHash;
    private readonly string _token;

    private ServiceProcess(Process process, ConcurrentQueue<string> output, Uri address, string storeHash, string token)
    {
        (_process, _output, Address, _storeHash, _token) = (process, output, address, storeHash, token);
    }

    public Uri Address { get; }

    /// <summary>The last lines the service wrote, for a failure message.</summary>
    public string RecentOutput => string.Join('\n', _output);

    /// <summary>
    /// Starts the service on <paramref name="connectionString"/> with the store <paramref name="storeHash"/> and its full token;
    /// returns once <c>/health</c> answers 200. It runs in <paramref name="workingDirectory"/> (by default its own folder)
    /// and logs warnings and worse only, unless <paramref name="ownLogging"/> leaves logging to its appsettings.json. Without
    /// <paramref name="configureStore"/> it is the embedded default: no store configured, so the demo store (pass its hash and token).
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(StorageProvider provider, string connectionString, string storeHash, string token,
        string? workingDirectory = null, bool ownLogging = false, bool configureStore = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            var service = Launch(provider, connectionString, storeHash, token, workingDirectory ?? AppContext.BaseDirectory, ownLogging, configureStore);
            try
            {
                await service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
                return service;
            }
            catch (InvalidOperationException) when (attempt < 3 && service._process.HasExited)
            {
                await service.DisposeAsync(); // most likely another process took the free port first: try another
            }
            catch
            {
                await service.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A client for <c>/stores/{hash}/{version}/</c> of this process, sending the store's token.</summary>
    public HttpClient Client(string version)
    {
        var client = new HttpClient(new SecretGuard { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = new Uri(Address, $"stores/{_storeHash}/{version}/"),
            Timeout = TimeSpan.FromSeconds(90),
        };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.Add(StoreAuthMiddleware.TokenHeader, _token);
        return client;
    }

    /// <summary>
    /// The service's peak resident memory so far (VmHWM of the <c>dotnet CustomerApi.dll</c> process under the shell
    /// that supervises it), in bytes.
    /// </summary>
    public long PeakMemoryBytes()
    {
        var children = File.ReadAllText($"/proc/{_process.Id}/task/{_process.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var service = children.Single(pid => File.Exists($"/proc/{pid}/cmdline")
            && File.ReadAllText($"/proc/{pid}/cmdline").Split('\0') is [var program, var dll, ..]
            && Path.GetFileName(program) == "dotnet" && dll.EndsWith("CustomerApi.dll", StringComparison.Ordinal));
        var line = File.ReadLines($"/proc/{service}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>kill -9 of the service (and its watcher): SIGKILL on Linux, no shutdown hook runs. Returns once it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        KillQuietly();
        await _process.WaitForExitAsync();
        _process.StandardInput.Close(); // a watcher left behind by a service that ended by itself ends too
        _process.Dispose();
    }

    private static ServiceProcess Launch(StorageProvider provider, string connectionString, string storeHash, string token,
        string workingDirectory, bool ownLogging, bool configureStore)
    {
        var dll = ServiceDll();
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var start = new ProcessStartInfo("sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-c", Supervised, "sh", DotnetHost(), dll, "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Storage__Provider"] = provider.ToString(),
            [$"ConnectionStrings__{provider}"] = connectionString,
            // No debugger pipes or diagnostics socket in the temp folder: a process killed with SIGKILL never removes them.
            ["DOTNET_EnableDiagnostics"] = "0",
        };
        if (configureStore)
        {
            settings["Bootstrap__Stores__0__Hash"] = storeHash;
            settings["Bootstrap__Stores__0__Tokens__0__AccessToken"] = token;
            settings["Bootstrap__Stores__0__Tokens__0__Scopes__0"] = Scopes.Customers; // all of V2 and V3
        }

        if (!ownLogging)
        {
            settings["Logging__LogLevel__Default"] = "Warning";
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, output, address, storeHash, token);
    }

    /// <summary>
    /// Runs the service's build once with <paramref name="arguments"/> (a command, such as <c>--health-check</c>) and the
    /// <paramref name="environment"/> given (a null value removes that variable); returns its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Prepend(ServiceDll()))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet CustomerApi.dll {string.Join(' ', arguments)} did not end within 60 s.");
        }

        return (process.ExitCode, await output + await errors);
    }

    private static string ServiceDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CustomerApi.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The service's build was not found at {dll}; build the solution first.");
    }

    private async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} before it was healthy:\n{RecentOutput}");
            }

            try
            {
                using var response = await probe.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The service was not healthy after {patience.TotalSeconds} s:\n{RecentOutput}");
            }

            await Task.Delay(100);
        }
    }

    private void KillQuietly()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > OutputLinesKept && output.TryDequeue(out _))
        {
        }
    }

    /// <summary>The <c>dotnet</c> running these tests (the SDK names it in DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
