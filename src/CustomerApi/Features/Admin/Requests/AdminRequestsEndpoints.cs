namespace CustomerApi.Features.Admin.Requests;

public static class AdminRequestsEndpoints
{
    public static RouteGroupBuilder MapAdminRequests(this RouteGroupBuilder admin) => admin;
}
