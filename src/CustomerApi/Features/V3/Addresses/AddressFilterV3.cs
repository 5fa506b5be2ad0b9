using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.Addresses;

/// <summary>
/// The query of <c>GET /customers/addresses</c> (spec): comma lists that match any of their values, ANDed together.
/// Names ("first last") compare ignoring case and surrounding spaces, companies exactly.
/// </summary>
public sealed record AddressFilterV3 : IPaged, IQueryFilter
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "id:in", "customer_id:in", "company:in", "name:in", "include", "page", "limit",
    };

    [FromQuery(Name = "id:in")] public string? IdIn { get; init; }
    [FromQuery(Name = "customer_id:in")] public string? CustomerIdIn { get; init; }
    [FromQuery(Name = "company:in")] public string? CompanyIn { get; init; }
    [FromQuery(Name = "name:in")] public string? NameIn { get; init; }

    /// <summary>Only <c>formfields</c> (spec): each address's form fields.</summary>
    [FromQuery(Name = "include")] public string? Include { get; init; }

    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    public required HttpRequest Request { get; init; }

    public bool IncludesFormFields => Include?.Split(',', StringSplitOptions.TrimEntries).Contains("formfields") == true;

    public IQueryable<CustomerAddress> Apply(IQueryable<CustomerAddress> addresses)
    {
        var ids = IdList.Parse(IdIn);
        var customers = IdList.Parse(CustomerIdIn);
        var companies = TextList.Parse(CompanyIn, c => c);
        var names = TextList.Parse(NameIn, MatchKey.Of);
        return addresses
            .WhereIf(ids is not null, a => ids!.Contains(a.Id))
            .WhereIf(customers is not null, a => customers!.Contains(a.CustomerId))
            .WhereIf(companies is not null, a => companies!.Contains(a.Company))
            .WhereIf(names is not null, a => names!.Contains(a.NameKey));
    }
}
