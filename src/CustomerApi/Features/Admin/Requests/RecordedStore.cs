namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// A request feature set on each request the log records: which store it names, once <see cref="RecordedStoreMiddleware"/>
/// has looked that up.
/// </summary>
public sealed class RecordedStore
{
    public bool LookedUp { get; private set; }
    public int? Id { get; private set; }

    public void Found(int? id) => (LookedUp, Id) = (true, id);
}
