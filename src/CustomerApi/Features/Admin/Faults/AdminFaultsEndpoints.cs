namespace CustomerApi.Features.Admin.Faults;

public static class AdminFaultsEndpoints
{
    public static RouteGroupBuilder MapAdminFaults(this RouteGroupBuilder admin) => admin;
}
