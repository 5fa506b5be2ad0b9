using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerApi.Bootstrap;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace CustomerApi.Tests.Service;

/// <summary>
/// Swagger UI in a real browser (headless Debian chromium driven by Playwright) against the service as its own process:
/// "Authorize" with a store's token, then "Try it out" with the store's hash in <c>store_hash</c> reaches that store on V2
/// and V3. Operations are found by method and path, not by the ids Swagger UI makes from operationIds. The class runs
/// beside the parallel tests but never beside those that run alone, which start after every parallel test has ended.
/// </summary>
public sealed class SwaggerUiBrowserTests : IDisposable
{
    /// <summary>The longest any one step (a launch, a page load, a click, a response) may take before the test fails.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("customerapi-swagger-ui-");
    private readonly string _hash = TestStore.NewHash();
    private readonly string _token = Guid.NewGuid().ToString("N");

    [Fact(Timeout = 300_000)]
    public async Task Authorize_then_Try_it_out_with_the_store_hash_reaches_the_store_on_V2_and_V3()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright, _folder.FullName, Step);
        await using var service = await ServiceProcess.StartAsync(StorageProvider.Sqlite,
            $"Data Source={Path.Combine(_folder.FullName, "swagger-ui.db")}", _hash, _token);
        await SeedAsync(service);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1200 } });
        page.SetDefaultTimeout((float)Step.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)Step.TotalMilliseconds);
        var elsewhere = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(service.Address.ToString(), StringComparison.Ordinal))
            {
                elsewhere.Enqueue(request.Url);
            }
        };

        try
        {
            await page.GotoAsync(new Uri(service.Address, "swagger").ToString());
            await page.Locator(".swagger-ui .opblock").First.WaitForAsync();
            await AuthorizeAsync(page);

            var count = await TryItOutAsync(page, "GET", "/stores/{store_hash}/v2/customers/count");
            count.Status.ShouldBe("200", count.Body);
            count.RequestUrl.ShouldStartWith(new Uri(service.Address, $"stores/{_hash}/v2/customers/count").ToString());
            JsonDocument.Parse(count.Body).RootElement.GetProperty("count").GetInt32().ShouldBe(1, "the customer seeded");

            var attributes = await TryItOutAsync(page, "GET", "/stores/{store_hash}/v3/customers/attributes");
            attributes.Status.ShouldBe("200", attributes.Body);
            attributes.RequestUrl.ShouldStartWith(new Uri(service.Address, $"stores/{_hash}/v3/customers/attributes").ToString());
            JsonDocument.Parse(attributes.Body).RootElement.Data().Select(a => a.GetProperty("name").GetString())
                .ShouldBe(["Favourite browser"], "the attribute seeded");

            elsewhere.ShouldBeEmpty("Swagger UI loads everything from the service");
        }
        catch (Exception failure)
        {
            throw new XunitException($"{failure.Message}\n\n{await ScreenshotAsync(page)}\n\nThe service's output:\n{service.RecentOutput}", failure);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>One customer and one attribute, so that what Swagger UI shows can only have come from this store.</summary>
    private static async Task SeedAsync(ServiceProcess service)
    {
        using var v2 = service.Client("v2");
        await (await v2.PostJsonAsync("customers", new { first_name = "Swagger", last_name = "UI", email = "swagger-ui@example.com" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        using var v3 = service.Client("v3");
        await (await v3.PostJsonAsync("customers/attributes", new[] { new { name = "Favourite browser", type = "string" } }))
            .ShouldBeAsync(HttpStatusCode.OK);
    }

    /// <summary>"Authorize", the token as the X-Auth-Token value, "Authorize" in the dialog (which then offers "Logout"), "Close".</summary>
    private async Task AuthorizeAsync(IPage page)
    {
        await page.Locator(".auth-wrapper").GetByRole(AriaRole.Button, new() { Name = "Authorize", Exact = true }).ClickAsync();
        // The store token's form: the dialog also offers the admin API's X-Admin-Key.
        var dialog = page.Locator(".modal-ux form").Filter(new() { HasText = "X-Auth-Token" });
        await dialog.GetByLabel("Value:").FillAsync(_token);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Apply credentials", Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove authorization", Exact = true }).WaitForAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>
    /// Expands the operation, "Try it out", this test's store in <c>store_hash</c> (in place of the document's example,
    /// the demo store), "Execute"; returns what Swagger UI shows of the call.
    /// </summary>
    private async Task<Execution> TryItOutAsync(IPage page, string method, string path)
    {
        var operation = page.Locator(".opblock")
            .Filter(new() { Has = page.Locator(".opblock-summary-method", new() { HasTextRegex = new Regex($"^{method}$") }) })
            .Filter(new() { Has = page.Locator($".opblock-summary-path[data-path='{path}']") });
        await operation.Locator(".opblock-summary-control").ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out", Exact = true }).ClickAsync();
        var storeHash = operation.Locator("tr[data-param-name='store_hash'][data-param-in='path'] input");
        (await storeHash.InputValueAsync()).ShouldBe(DemoStore.Hash, "the document's example");
        await storeHash.FillAsync(_hash);
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute", Exact = true }).ClickAsync();

        var response = operation.Locator(".live-responses-table tbody tr.response");
        await response.WaitForAsync();
        return new Execution(
            (await response.Locator(".response-col_status").InnerTextAsync()).Trim(),
            (await operation.Locator(".request-url pre").InnerTextAsync()).Trim(),
            await response.Locator(".highlight-code pre").InnerTextAsync());
    }

    /// <summary>The page as it stands, saved beside the other temporary files and kept for whoever reads the failure.</summary>
    private static async Task<string> ScreenshotAsync(IPage page)
    {
        var file = Path.Combine(Path.GetTempPath(), $"customerapi-swagger-ui-{Guid.NewGuid():N}.png");
        try
        {
            await page.ScreenshotAsync(new() { Path = file, Timeout = (float)Step.TotalMilliseconds });
            return $"Screenshot: {file}";
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return $"No screenshot: {e.Message}";
        }
    }

    private sealed record Execution(string Status, string RequestUrl, string Body);
}
