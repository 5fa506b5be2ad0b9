using System.Linq.Expressions;
using CustomerApi.Data.Entities;
using CustomerApi.Services;

namespace CustomerApi.Features.V3.Customers;

/// <summary>One customer row, two views: this is V3's (V2's is CustomerMapping). The field pairs are V3 doc section 4's.</summary>
public static class CustomerMappingV3
{
    /// <summary>The V3 shape as a query projection: only the columns it needs, never the password hash.</summary>
    public static readonly Expression<Func<Customer, CustomerV3>> Projection = c => new CustomerV3
    {
        Id = c.Id,
        Authentication = new AuthenticationV3(c.ResetPassOnLogin),
        Company = c.Company,
        CustomerGroupId = c.CustomerGroupId,
        Email = c.Email,
        FirstName = c.FirstName,
        LastName = c.LastName,
        Notes = c.Notes,
        Phone = c.Phone,
        RegistrationIpAddress = c.RegistrationIpAddress,
        TaxExemptCategory = c.TaxExemptCategory,
        DateCreated = c.DateCreated,
        DateModified = c.DateModified,
        AcceptsProductReviewAbandonedCartEmails = c.AcceptsMarketing,
        StoreCreditAmounts = new[] { new StoreCreditAmountV3(c.StoreCredit) },
        OriginChannelId = c.OriginChannelId,
        ChannelIds = c.ChannelIds,
    };

    private static readonly Func<Customer, CustomerV3> FromEntity = Projection.Compile();

    /// <summary>A written customer as POST and PUT answer it: the base object with its store credit (V3 doc 1.1).</summary>
    public static CustomerV3 ToV3(this Customer customer) => FromEntity(customer);

    /// <summary>
    /// The hash of the new password the item sends, or null: made before any lock is taken, for PBKDF2 is the dearest
    /// step of a write and a batch holds up to ten.
    /// </summary>
    public static string? NewPasswordHash(this CustomerV3Fields body, PasswordService passwords) =>
        body.Authentication?.NewPassword is { } password ? passwords.Hash(password) : null;

    /// <summary>Copies what the request sent onto the customer; absent fields stay as they are. The validator has run.</summary>
    public static void ApplyTo(this CustomerV3Fields body, Customer customer, string? newPasswordHash, DateTime now)
    {
        customer.SetNames(body.FirstName?.Trim() ?? customer.FirstName, body.LastName?.Trim() ?? customer.LastName);
        if (body.Email is not null)
        {
            customer.Email = body.Email.Trim();
            customer.EmailKey = MatchKey.Of(body.Email);
        }

        customer.Company = body.Company ?? customer.Company;
        customer.Phone = body.Phone ?? customer.Phone;
        customer.Notes = body.Notes ?? customer.Notes;
        customer.TaxExemptCategory = body.TaxExemptCategory ?? customer.TaxExemptCategory;
        customer.CustomerGroupId = body.CustomerGroupId ?? customer.CustomerGroupId;
        customer.AcceptsMarketing = body.AcceptsProductReviewAbandonedCartEmails ?? customer.AcceptsMarketing;
        customer.ResetPassOnLogin = body.Authentication?.ForcePasswordReset ?? customer.ResetPassOnLogin;
        customer.PasswordHash = newPasswordHash ?? customer.PasswordHash;

        if (body.StoreCreditAmounts is { } amounts)
        {
            // One currency, one amount (CustomerV3Validator); an empty list is no credit.
            customer.StoreCredit = amounts.Count == 0 ? 0 : amounts[0]!.Amount!.Value;
        }

        if (body.ChannelIdsSent)
        {
            customer.ChannelIds = body.ChannelIds?.Distinct().Order().ToArray();
        }

        customer.DateModified = now;
    }
}
