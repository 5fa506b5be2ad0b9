using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CustomerApi.Bootstrap;

public static partial class StartupBanner
{
    /// <summary>Once listening, tells a newcomer how to call the demo store (and the admin API, when it has the embedded default's key).</summary>
    public static void PrintDemoWhenStarted(this WebApplication app, (string Key, string? File)? adminKey)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost:5080";
            address = WildcardHost().Replace(address, "://localhost:"); // a wildcard binding is reached on localhost
            Console.WriteLine($"""

                CustomerApi is listening on {address} (no stores configured, so a demo store was created).
                  store hash:   {DemoStore.Hash}
                  X-Auth-Token: {DemoStore.Token}
                  try:          curl -H 'X-Auth-Token: {DemoStore.Token}' {address}/stores/{DemoStore.Hash}/v2/customers/count
                  Swagger UI:   {address}/swagger
                {AdminLines(adminKey, address)}
                """);
        });
    }

    private static string AdminLines((string Key, string? File)? adminKey, string address)
    {
        if (adminKey is not { } admin)
        {
            return "";
        }

        var kept = admin.File is null ? "a new one each start: the database is in memory" : $"kept in {admin.File}";
        return $"""
              X-Admin-Key:  {admin.Key}  (the admin API for test suites; {kept})
              try:          curl -X POST -H 'X-Admin-Key: {admin.Key}' {address}/admin/stores

            """;
    }

    [GeneratedRegex(@"://(\[::\]|0\.0\.0\.0|\+|\*):")]
    private static partial Regex WildcardHost();
}
