namespace CustomerApi.Features.Admin.Snapshots;

public static class AdminSnapshotsEndpoints
{
    public static RouteGroupBuilder MapAdminSnapshots(this RouteGroupBuilder admin) => admin;
}
