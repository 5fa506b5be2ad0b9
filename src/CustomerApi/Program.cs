using CustomerApi.Bootstrap;
using CustomerApi.Data;
using CustomerApi.Features.Admin;
using CustomerApi.Features.Admin.Faults;
using CustomerApi.Features.Admin.Requests;
using CustomerApi.Features.Health;
using CustomerApi.Features.V2;
using CustomerApi.Features.V2.Customers;
using CustomerApi.Features.V3;
using CustomerApi.Features.V3.Customers;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Http;
using CustomerApi.Infrastructure.Json;
using CustomerApi.Services;
using FluentValidation;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(args); // a container's HEALTHCHECK: no web host, just one GET of /health
}

// The content root is the app's own folder, so its appsettings.json is read wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
string[] addressSettings = ["urls", "http_ports", "https_ports"]; // --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP(S)_PORTS
if (addressSettings.All(key => string.IsNullOrEmpty(builder.Configuration[key])) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.WebHost.ConfigureKestrel((context, kestrel) => RequestSizeLimits.From(context.Configuration).ApplyTo(kestrel));

builder.Services.AddSingleton(services => RequestSizeLimits.From(services.GetRequiredService<IConfiguration>()));
builder.Services.AddStorage(builder.Configuration);
builder.Services.Configure<BootstrapOptions>(builder.Configuration.GetSection(BootstrapOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<StoreDirectory>();
builder.Services.AddSingleton<AdminKey>();
builder.Services.AddSingleton<RequestLog>();
builder.Services.AddSingleton<PasswordService>();
builder.Services.AddSingleton<CustomerQueries>();
builder.Services.AddSingleton<CustomerReadsV3>();
builder.Services.AddSingleton<CredentialThrottle>();
builder.Services.AddSingleton(services => StoreQuota.ForStoreRequests(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton<StoreFaults>();
builder.Services.AddSingleton<StoreRouteTemplates>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddBcJson();
builder.Services.AddExceptionHandler<BcExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so bad bodies reach BcExceptionHandler
builder.Services.AddResponseCompression();
builder.Services.AddAddressRateLimit(builder.Configuration);
builder.Services.AddBcOpenApi();

var app = builder.Build();

app.UseMiddleware<RequestLogMiddleware>(); // outermost: logs the final status of every answer, the exception handler's too
app.UseMiddleware<RequestRecordingMiddleware>(); // the admin API's request log: the final answer and the bytes the client got
app.UseExceptionHandler(_ => { }); // BcExceptionHandler answers every exception; this empty pipeline is never reached
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.UseBcStatusCodeBodies();
app.UseAddressRateLimit(app.Configuration); // per client address: before auth and anything that reads the database
app.UseResponseCompression();
app.UseMiddleware<BodySizeLimitMiddleware>();
app.UseMiddleware<AcceptNegotiationMiddleware>();
app.UseMiddleware<CanonicalRequestMiddleware>();
app.UseRouting();
app.UseMiddleware<RecordedStoreMiddleware>(); // past the limits, before auth: the store a recorded request names
app.UseMiddleware<StoreAuthMiddleware>();
app.UseMiddleware<AdminKeyMiddleware>();
app.UseMiddleware<RateLimitMiddleware>();
// After auth, so a fault needs the store's own token (a bad one is still 401, a missing scope 403), and after the quota, so
// a faulted request costs its unit and carries the X-Rate-Limit headers like any answer, and a spent quota's 429 comes first.
app.UseMiddleware<FaultMiddleware>();

app.UseBcSwaggerUi();
app.MapHealth();
app.MapV2();
app.MapV3();
app.MapAdmin();

var demoSeeded = await app.Services.InitializeDatabaseAsync();
var embeddedAdminKey = EmbeddedAdminKey.UseIfEmbeddedDefault(app, demoSeeded);
if (demoSeeded)
{
    app.PrintDemoWhenStarted(embeddedAdminKey);
}

await app.RunAsync();
return 0;

public partial class Program;
