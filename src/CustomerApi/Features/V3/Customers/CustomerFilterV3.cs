using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// The query of <c>GET /customers</c> (spec). <c>:in</c> lists are comma-separated and match any of their values; the
/// filters AND together. Emails and names compare ignoring case and surrounding spaces, as V2's email filter does; the
/// other texts exactly.
/// </summary>
public sealed record CustomerFilterV3 : DatedListQuery
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(
    [
        "id:in", "email:in", "name:in", "name:like", "company:in", "customer_group_id:in", "phone:in",
        "registration_ip_address:in", "include", "sort", "before", "after", .. CommonNames,
    ], StringComparer.Ordinal);

    [FromQuery(Name = "id:in")] public string? IdIn { get; init; }
    [FromQuery(Name = "email:in")] public string? EmailIn { get; init; }
    [FromQuery(Name = "name:in")] public string? NameIn { get; init; }
    [FromQuery(Name = "name:like")] public string? NameLike { get; init; }
    [FromQuery(Name = "company:in")] public string? CompanyIn { get; init; }
    [FromQuery(Name = "customer_group_id:in")] public string? CustomerGroupIdIn { get; init; }
    [FromQuery(Name = "phone:in")] public string? PhoneIn { get; init; }
    [FromQuery(Name = "registration_ip_address:in")] public string? RegistrationIpAddressIn { get; init; }
    [FromQuery(Name = "include")] public string? Include { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    [FromQuery(Name = "before")] public string? Before { get; init; }
    [FromQuery(Name = "after")] public string? After { get; init; }

    /// <summary>True when the request filters nothing: it only pages, sorts or includes.</summary>
    public bool SelectsAll => Request.Query.Keys.All(key => key is "page" or "limit" or "include" or "sort");

    public CustomerIncludes Includes => CustomerIncludes.Parse(Include) ?? CustomerIncludes.None;

    public CustomerOrder Order => CustomerOrder.Parse(Sort) ?? CustomerOrder.Default;

    public IQueryable<Customer> Apply(IQueryable<Customer> customers)
    {
        var ids = IdList.Parse(IdIn);
        var groups = IdList.Parse(CustomerGroupIdIn, minimum: 0); // 0: the customers in no group
        var emails = TextList.Parse(EmailIn, MatchKey.Of);
        var names = TextList.Parse(NameIn, MatchKey.Of);
        var fragments = TextList.Parse(NameLike, MatchKey.Of);
        var companies = TextList.Parse(CompanyIn, v => v);
        var phones = TextList.Parse(PhoneIn, v => v);
        var addresses = TextList.Parse(RegistrationIpAddressIn, v => v);
        return customers
            .WhereIf(ids is not null, c => ids!.Contains(c.Id))
            .WhereIf(emails is not null, c => emails!.Contains(c.EmailKey))
            .WhereIf(names is not null, c => names!.Contains(c.NameKey))
            .WhereAnyContains(fragments, c => c.NameKey)
            .WhereIf(companies is not null, c => companies!.Contains(c.Company))
            .WhereIf(groups is not null, c => groups!.Contains(c.CustomerGroupId))
            .WhereIf(phones is not null, c => phones!.Contains(c.Phone))
            .WhereIf(addresses is not null, c => addresses!.Contains(c.RegistrationIpAddress))
            .WhereDates(this);
    }
}
