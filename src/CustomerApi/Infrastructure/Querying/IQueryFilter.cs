namespace CustomerApi.Infrastructure.Querying;

/// <summary>
/// A list's query parameters, bound with <c>[AsParameters]</c>. The raw request lets the validator refuse filter
/// names the resource does not have, and tells ValidationFilter to report failures as filter errors.
/// </summary>
public interface IQueryFilter
{
    HttpRequest Request { get; }
}
