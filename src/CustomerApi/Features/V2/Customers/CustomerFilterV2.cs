using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Json;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V2.Customers;

/// <summary>
/// The filters of <c>GET/DELETE /customers</c> and <c>GET /customers/count</c>. Values arrive as text so that a bad
/// one is reported by name (CustomerFilterV2Validator) instead of failing binding anonymously.
/// </summary>
public sealed record CustomerFilterV2 : IPaged, IQueryFilter
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "first_name", "last_name", "company", "email", "phone", "store_credit", "customer_group_id", "min_id", "max_id",
        "min_date_created", "max_date_created", "min_date_modified", "max_date_modified", "tax_exempt_category", "page", "limit",
    };

    [FromQuery(Name = "first_name")] public string? FirstName { get; init; }
    [FromQuery(Name = "last_name")] public string? LastName { get; init; }
    [FromQuery(Name = "company")] public string? Company { get; init; }
    [FromQuery(Name = "email")] public string? Email { get; init; }
    [FromQuery(Name = "phone")] public string? Phone { get; init; }
    [FromQuery(Name = "store_credit")] public string? StoreCredit { get; init; }
    [FromQuery(Name = "customer_group_id")] public string? CustomerGroupId { get; init; }
    [FromQuery(Name = "min_id")] public string? MinId { get; init; }
    [FromQuery(Name = "max_id")] public string? MaxId { get; init; }
    [FromQuery(Name = "min_date_created")] public string? MinDateCreated { get; init; }
    [FromQuery(Name = "max_date_created")] public string? MaxDateCreated { get; init; }
    [FromQuery(Name = "min_date_modified")] public string? MinDateModified { get; init; }
    [FromQuery(Name = "max_date_modified")] public string? MaxDateModified { get; init; }
    [FromQuery(Name = "tax_exempt_category")] public string? TaxExemptCategory { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "limit")] public string? Limit { get; init; }

    public required HttpRequest Request { get; init; }

    /// <summary>True when the request names no filter at all (unknown names never get this far: the validator refuses them).</summary>
    public bool SelectsAll => Request.Query.Keys.All(key => key is "page" or "limit");

    /// <summary>True when the email is the request's only filter.</summary>
    public bool SelectsOnlyEmail => Email is not null && Request.Query.Keys.All(key => key is "page" or "limit" or "email");

    public IQueryable<Customer> Apply(IQueryable<Customer> customers)
    {
        var emailKey = Email is null ? null : MatchKey.Of(Email);
        decimal? credit = V2MoneyConverter.TryParse(StoreCredit, out var parsed) ? parsed : null;
        var group = QueryValues.ToInt(CustomerGroupId);
        var (minId, maxId) = (QueryValues.ToInt(MinId), QueryValues.ToInt(MaxId));
        var (minCreated, maxCreated) = (QueryValues.ToDate(MinDateCreated), QueryValues.ToDate(MaxDateCreated));
        var (minModified, maxModified) = (QueryValues.ToDate(MinDateModified), QueryValues.ToDate(MaxDateModified));
        return customers
            .WhereIf(FirstName is not null, c => c.FirstName == FirstName)
            .WhereIf(LastName is not null, c => c.LastName == LastName)
            .WhereIf(Company is not null, c => c.Company == Company)
            .WhereIf(emailKey is not null, c => c.EmailKey == emailKey)
            .WhereIf(Phone is not null, c => c.Phone == Phone)
            .WhereIf(TaxExemptCategory is not null, c => c.TaxExemptCategory == TaxExemptCategory)
            .WhereIf(credit is not null, c => c.StoreCredit == credit)
            .WhereIf(group is not null, c => c.CustomerGroupId == group)
            .WhereIf(minId is not null, c => c.Id >= minId)
            .WhereIf(maxId is not null, c => c.Id <= maxId)
            .WhereIf(minCreated is not null, c => c.DateCreated >= minCreated)
            .WhereIf(maxCreated is not null, c => c.DateCreated <= maxCreated)
            .WhereIf(minModified is not null, c => c.DateModified >= minModified)
            .WhereIf(maxModified is not null, c => c.DateModified <= maxModified);
    }
}
