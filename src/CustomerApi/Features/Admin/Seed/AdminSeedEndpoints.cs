namespace CustomerApi.Features.Admin.Seed;

public static class AdminSeedEndpoints
{
    public static RouteGroupBuilder MapAdminSeed(this RouteGroupBuilder admin) => admin;
}
