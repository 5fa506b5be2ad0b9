using CustomerApi.Features.Admin.Faults;
using CustomerApi.Features.Admin.Requests;
using CustomerApi.Features.Admin.Seed;
using CustomerApi.Features.Admin.Snapshots;
using CustomerApi.Features.Admin.Stores;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Features.Admin;

/// <summary>
/// The emulator's own API for test suites, under <c>/admin</c>: stores and tokens, reset, seed, snapshots, faults,
/// rate-limit plans and the request log. Its errors are <c>{status, title, errors}</c>; its bodies are validated by the
/// one validation filter, as the store routes' are.
/// </summary>
public static class AdminRoutes
{
    public const string Tag = "Admin (emulator)";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags(Tag).WithMetadata(AdminApi.Instance).WithValidation();
        admin.MapAdminStores();
        admin.MapAdminSnapshots();
        admin.MapAdminSeed();
        admin.MapAdminFaults();
        admin.MapAdminRequests();
        return app;
    }
}
