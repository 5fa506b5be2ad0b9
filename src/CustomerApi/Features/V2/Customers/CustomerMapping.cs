using System.Linq.Expressions;
using CustomerApi.Data.Entities;
using CustomerApi.Services;

namespace CustomerApi.Features.V2.Customers;

public static class CustomerMapping
{
    /// <summary>The V2 shape as a query projection: only the columns it needs, never the password hash.</summary>
    public static readonly Expression<Func<Customer, CustomerV2>> Projection = c => new CustomerV2
    {
        Id = c.Id,
        Company = c.Company,
        FirstName = c.FirstName,
        LastName = c.LastName,
        Email = c.Email,
        Phone = c.Phone,
        FormFields = null,
        DateCreated = c.DateCreated,
        DateModified = c.DateModified,
        StoreCredit = c.StoreCredit,
        RegistrationIpAddress = c.RegistrationIpAddress,
        CustomerGroupId = c.CustomerGroupId,
        Notes = c.Notes,
        TaxExemptCategory = c.TaxExemptCategory,
        ResetPassOnLogin = c.ResetPassOnLogin,
        AcceptsMarketing = c.AcceptsMarketing,
    };

    private static readonly Func<Customer, CustomerV2> FromEntity = Projection.Compile();

    public static CustomerV2 ToV2(this Customer customer, CustomerLinks links) => links.Fill(FromEntity(customer));

    /// <summary>The hash of the password the body sets, or null: made before any lock is taken (PBKDF2 is a write's dearest step).</summary>
    public static string? NewPasswordHash(this CustomerV2Fields body, PasswordService passwords) =>
        body.Authentication?.Password is { } password ? passwords.Hash(password) : null;

    /// <summary>Copies what the request sent onto the customer; absent fields stay as they are.</summary>
    public static void ApplyTo(this CustomerV2Fields body, Customer customer, string? newPasswordHash, DateTime now)
    {
        customer.SetNames(body.FirstName ?? customer.FirstName, body.LastName ?? customer.LastName);
        if (body.Email is not null)
        {
            customer.Email = body.Email.Trim();
            customer.EmailKey = MatchKey.Of(body.Email);
        }

        customer.Company = body.Company ?? customer.Company;
        customer.Phone = body.Phone ?? customer.Phone;
        customer.Notes = body.Notes ?? customer.Notes;
        customer.TaxExemptCategory = body.TaxExemptCategory ?? customer.TaxExemptCategory;
        customer.RegistrationIpAddress = body.RegistrationIpAddress ?? customer.RegistrationIpAddress;
        customer.StoreCredit = body.StoreCredit ?? customer.StoreCredit;
        customer.CustomerGroupId = body.CustomerGroupId ?? customer.CustomerGroupId;
        customer.ResetPassOnLogin = body.Authentication?.ForceReset ?? body.ResetPassOnLogin ?? customer.ResetPassOnLogin;
        customer.PasswordHash = newPasswordHash ?? customer.PasswordHash;

        customer.DateModified = now;
    }
}

/// <summary>The absolute <c>addresses</c> link of a customer, on the host the request came to.</summary>
public sealed class CustomerLinks(HttpRequest request, string storeHash)
{
    private readonly string _apiBase = $"{request.Scheme}://{request.Host}/stores/{storeHash}/v2";

    public CustomerV2 Fill(CustomerV2 customer)
    {
        var resource = $"/customers/{customer.Id}/addresses";
        customer.Addresses = new ResourceLinkV2(_apiBase + resource, resource);
        return customer;
    }
}
