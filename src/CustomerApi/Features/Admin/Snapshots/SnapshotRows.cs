using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.CustomerGroups;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>The store's rows as the snapshot writes them.</summary>
internal static class SnapshotRows
{
    /// <summary>The customers, projected in the database so that no password hash ever leaves it.</summary>
    public static IQueryable<SnapshotCustomer> Customers(CustomerDbContext db, int storeId) =>
        db.Customers.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.Id).Select(c => new SnapshotCustomer
        {
            Id = c.Id, FirstName = c.FirstName, LastName = c.LastName, Email = c.Email, Company = c.Company, Phone = c.Phone,
            Notes = c.Notes, TaxExemptCategory = c.TaxExemptCategory, RegistrationIpAddress = c.RegistrationIpAddress,
            StoreCredit = c.StoreCredit, CustomerGroupId = c.CustomerGroupId, AcceptsMarketing = c.AcceptsMarketing,
            ResetPassOnLogin = c.ResetPassOnLogin, OriginChannelId = c.OriginChannelId, ChannelIds = c.ChannelIds,
            DateCreated = c.DateCreated, DateModified = c.DateModified,
        });

    /// <summary>The form field values with their fields' names; a password field's value is its hash, so those are left out.</summary>
    public static IQueryable<NamedFormFieldValue> FormFieldValues(CustomerDbContext db, int storeId) =>
        db.FormFieldValues.AsNoTracking().Where(v => v.StoreId == storeId)
            .Join(db.FormFields.Where(f => f.StoreId == storeId && f.Type != FormFieldTypes.Password), v => v.FieldId, f => f.Id,
                (v, f) => new { v.Id, f.Name, v.CustomerId, v.AddressId, v.Value })
            .OrderBy(v => v.Id)
            .Select(v => new NamedFormFieldValue(v.Id, v.Name, v.CustomerId, v.AddressId, v.Value));

    public sealed record NamedFormFieldValue(int Id, string FieldName, int? CustomerId, int? AddressId, string Json);

    public static SnapshotFormFieldValue From(NamedFormFieldValue v) => new()
    {
        Id = v.Id, FieldName = v.FieldName, CustomerId = v.CustomerId, AddressId = v.AddressId, Value = JsonElement.Parse(v.Json),
    };

    public static SnapshotChannelSettings From(ChannelSettings c) => new()
    {
        ChannelId = c.ChannelId, AskShopperForTrackingConsent = c.AskShopperForTrackingConsent, PolicyUrl = c.PolicyUrl,
        AskShopperForTrackingConsentOnCheckout = c.AskShopperForTrackingConsentOnCheckout, GuestCustomerGroupId = c.GuestCustomerGroupId,
        DefaultCustomerGroupId = c.DefaultCustomerGroupId, AllowGlobalLogins = c.AllowGlobalLogins,
    };

    public static SnapshotCustomerGroup From(CustomerGroup g)
    {
        var shown = g.ToV2();
        return new SnapshotCustomerGroup
        {
            Id = g.Id, Name = g.Name, IsDefault = g.IsDefault, IsGroupForGuests = g.IsGroupForGuests, CategoryAccess = shown.CategoryAccess,
            DiscountRules = [.. shown.DiscountRules], DateCreated = g.DateCreated, DateModified = g.DateModified,
        };
    }

    public static SnapshotCustomerAttribute From(CustomerAttribute a) => new()
    {
        Id = a.Id, Name = a.Name, Type = a.Type, DateCreated = a.DateCreated, DateModified = a.DateModified,
    };

    public static SnapshotAddress From(CustomerAddress a) => new()
    {
        Id = a.Id, CustomerId = a.CustomerId, FirstName = a.FirstName, LastName = a.LastName, Company = a.Company, Street1 = a.Street1,
        Street2 = a.Street2, City = a.City, State = a.State, Zip = a.Zip, Country = a.Country, CountryIso2 = a.CountryIso2, Phone = a.Phone,
        AddressType = a.AddressType,
    };

    public static SnapshotAttributeValue From(CustomerAttributeValue v) => new()
    {
        Id = v.Id, CustomerId = v.CustomerId, AttributeId = v.AttributeId, Value = v.Value, DateCreated = v.DateCreated, DateModified = v.DateModified,
    };

    public static SnapshotConsent From(CustomerConsent c) => new() { CustomerId = c.CustomerId, Allow = [.. c.Allow], Deny = [.. c.Deny] };

    public static SnapshotMetafield From(CustomerMetafield m) => new()
    {
        Id = m.Id, CustomerId = m.CustomerId, OwnerClientId = m.OwnerClientId, PermissionSet = m.PermissionSet, Namespace = m.Namespace,
        Key = m.Key, Value = m.Value, Description = m.Description, DateCreated = m.DateCreated, DateModified = m.DateModified,
    };
}
