using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.Addresses;
using CustomerApi.Features.V3.AttributeValues;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>The checks of the customers and the rows that belong to them.</summary>
internal sealed partial class SnapshotChecks
{
    private static readonly string[] AddressTypes =
        [AddressV2FieldsValidator<CreateAddressV2>.Residential, AddressV2FieldsValidator<CreateAddressV2>.Commercial];

    private void Customers(List<SnapshotCustomer?> customers)
    {
        var byEmail = new Dictionary<string, List<SnapshotCustomer>>(StringComparer.Ordinal);
        for (var i = 0; i < customers.Count; i++)
        {
            var at = $"customers.{i}";
            if (Row(customers[i], at) is not { } customer || !Id(customer.Id, at, _customers))
            {
                continue;
            }

            Text(customer.FirstName, $"{at}.first_name", CustomerLimits.Name, required: true);
            Text(customer.LastName, $"{at}.last_name", CustomerLimits.Name, required: true);
            Text(customer.Company, $"{at}.company", CustomerLimits.Company);
            Text(customer.Phone, $"{at}.phone", CustomerLimits.Phone);
            Text(customer.Notes, $"{at}.notes", CustomerLimits.Notes);
            Text(customer.TaxExemptCategory, $"{at}.tax_exempt_category", CustomerLimits.TaxExemptCategory);
            Text(customer.RegistrationIpAddress, $"{at}.registration_ip_address", CustomerLimits.RegistrationIpAddress);
            if (customer.StoreCredit is < 0 or > CustomerLimits.MaxStoreCredit)
            {
                Invalid($"{at}.store_credit", $"store_credit must be an amount from 0 to {CustomerLimits.MaxStoreCredit}");
            }

            if (customer.CustomerGroupId != 0 && !_groups.Contains(customer.CustomerGroupId))
            {
                Invalid($"{at}.customer_group_id", $"there is no customer group {customer.CustomerGroupId} in the snapshot; 0 is none");
            }

            if (customer.OriginChannelId < 1)
            {
                Invalid($"{at}.origin_channel_id", "origin_channel_id must be a channel id, 1 or more");
            }

            if (customer.ChannelIds is { } channels
                && (channels.Length is 0 or > ChannelRules.MaxChannelsPerCustomer || channels.Any(c => c < 1)))
            {
                Invalid($"{at}.channel_ids",
                    $"channel_ids must be null (every channel) or 1 to {ChannelRules.MaxChannelsPerCustomer} channel ids, each 1 or more");
            }

            if (!EmailRules.IsEmail(customer.Email))
            {
                Invalid($"{at}.email", "email must be a valid email address of at most 250 characters");
                continue;
            }

            // The public API's rule (ChannelRules): an email is one customer's on any one channel.
            var key = MatchKey.Of(customer.Email!);
            if (!byEmail.TryGetValue(key, out var holders))
            {
                byEmail[key] = holders = [];
            }

            if (holders.FirstOrDefault(h => ChannelRules.Overlap(h.ChannelIds, customer.ChannelIds)) is { } holder)
            {
                Invalid($"{at}.email", $"customer {holder.Id} has this email on a channel this customer is on too; an email is one customer's per channel");
            }

            holders.Add(customer);
        }
    }

    private void Addresses(List<SnapshotAddress?> addresses)
    {
        for (var i = 0; i < addresses.Count; i++)
        {
            var at = $"addresses.{i}";
            if (Row(addresses[i], at) is not { } address || !Id(address.Id, at, _addresses))
            {
                continue;
            }

            KnownCustomer(address.CustomerId, $"{at}.customer_id");
            Text(address.FirstName, $"{at}.first_name", AddressLimits.Name, required: true);
            Text(address.LastName, $"{at}.last_name", AddressLimits.Name, required: true);
            Text(address.Company, $"{at}.company", AddressLimits.Company);
            Text(address.Street1, $"{at}.street_1", AddressLimits.Street, required: true);
            Text(address.Street2, $"{at}.street_2", AddressLimits.Street);
            Text(address.City, $"{at}.city", AddressLimits.City, required: true);
            Text(address.State, $"{at}.state", AddressLimits.State);
            Text(address.Zip, $"{at}.zip", AddressLimits.Zip);
            Text(address.Phone, $"{at}.phone", AddressLimits.Phone);
            if (!Countries.TryFind(address.Country, out _))
            {
                Invalid($"{at}.country", "country must be the full English name of a country, e.g. United States");
            }

            if (address.AddressType is { } type && !AddressTypes.Contains(type))
            {
                Invalid($"{at}.address_type", "address_type must be residential or commercial");
            }
        }
    }

    private void AttributeValues(List<SnapshotAttributeValue?> values)
    {
        var seen = new HashSet<int>();
        var pairs = new HashSet<(int, int)>();
        for (var i = 0; i < values.Count; i++)
        {
            var at = $"attribute_values.{i}";
            if (Row(values[i], at) is not { } value || !Id(value.Id, at, seen))
            {
                continue;
            }

            KnownCustomer(value.CustomerId, $"{at}.customer_id");
            if (!_attributes.Contains(value.AttributeId))
            {
                Invalid($"{at}.attribute_id", $"there is no attribute {value.AttributeId} in the snapshot");
            }
            else if (!pairs.Add((value.CustomerId, value.AttributeId)))
            {
                Invalid($"{at}.attribute_id", $"customer {value.CustomerId} has a value of attribute {value.AttributeId} already; one value per customer and attribute");
            }

            if (Text(value.Value, $"{at}.value", CustomerAttributeValue.ValueLength, required: true)
                && _attributeTypes.TryGetValue(value.AttributeId, out var type) && !AttributeValueTypes.Fits(type, value.Value!))
            {
                Invalid($"{at}.value", AttributeValueTypes.Rule(type));
            }
        }
    }

    private void FormFieldValues(List<SnapshotFormFieldValue?> values)
    {
        var seen = new HashSet<int>();
        var owned = new HashSet<(bool, int, string)>();
        for (var i = 0; i < values.Count; i++)
        {
            var at = $"form_field_values.{i}";
            if (Row(values[i], at) is not { } value || !Id(value.Id, at, seen))
            {
                continue;
            }

            if (value.CustomerId is null == value.AddressId is null)
            {
                Invalid($"{at}.customer_id", "a value belongs to a customer or to an address: give customer_id or address_id, not both");
            }
            else if (value.CustomerId is { } customerId)
            {
                KnownCustomer(customerId, $"{at}.customer_id");
            }
            else if (!_addresses.Contains(value.AddressId!.Value))
            {
                Invalid($"{at}.address_id", $"there is no address {value.AddressId} in the snapshot");
            }

            if (!Text(value.FieldName, $"{at}.field_name", FormField.NameLength, required: true))
            {
                continue;
            }

            if (!owned.Add((value.CustomerId is not null, value.CustomerId ?? value.AddressId ?? 0, MatchKey.Of(value.FieldName!))))
            {
                Invalid($"{at}.field_name", $"the form field '{value.FieldName}' has a value for this owner already");
            }

            if (value.Value is not { } json || !FormFieldRules.IsValueKind(json))
            {
                Invalid($"{at}.value", "value must be text, a number or a list of texts");
            }
        }
    }

    private void Consents(List<SnapshotConsent?> consents)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < consents.Count; i++)
        {
            var at = $"consents.{i}";
            if (Row(consents[i], at) is not { } consent)
            {
                continue;
            }

            if (KnownCustomer(consent.CustomerId, $"{at}.customer_id") && !seen.Add(consent.CustomerId))
            {
                Invalid($"{at}.customer_id", $"customer {consent.CustomerId} has a consent already");
            }

            var allow = Categories(consent.Allow, $"{at}.allow");
            var deny = Categories(consent.Deny, $"{at}.deny");
            if (allow && deny && (consent.Allow ?? []).Intersect(consent.Deny ?? []).Any())
            {
                Invalid($"{at}.deny", "a category cannot be both allowed and denied");
            }
        }
    }

    private bool Categories(List<string?>? categories, string field)
    {
        var valid = categories is null
            || categories.All(c => c is not null && ConsentCategories.All.Contains(c)) && categories.Distinct().Count() == categories.Count;
        if (!valid)
        {
            Invalid(field, $"each category must be one of {string.Join(", ", ConsentCategories.All)}, and listed once");
        }

        return valid;
    }

    private void Metafields(List<SnapshotMetafield?> metafields)
    {
        var seen = new HashSet<int>();
        var keys = new HashSet<(int, string, string, string)>();
        var perOwner = new Dictionary<(int, string), int>();
        for (var i = 0; i < metafields.Count; i++)
        {
            var at = $"metafields.{i}";
            if (Row(metafields[i], at) is not { } metafield || !Id(metafield.Id, at, seen))
            {
                continue;
            }

            KnownCustomer(metafield.CustomerId, $"{at}.customer_id");
            var named = Text(metafield.OwnerClientId, $"{at}.owner_client_id", ApiClient.IdLength, required: true)
                & Text(metafield.Namespace, $"{at}.namespace", CustomerMetafield.NamespaceLength, required: true)
                & Text(metafield.Key, $"{at}.key", CustomerMetafield.KeyLength, required: true);
            Text(metafield.Value, $"{at}.value", CustomerMetafield.ValueLength, required: true);
            Text(metafield.Description, $"{at}.description", CustomerMetafield.DescriptionLength);
            if (metafield.PermissionSet is null || !MetafieldPermissions.All.Contains(metafield.PermissionSet))
            {
                Invalid($"{at}.permission_set", $"permission_set must be one of {string.Join(", ", MetafieldPermissions.All)}");
            }

            if (!named)
            {
                continue;
            }

            if (!keys.Add((metafield.CustomerId, metafield.OwnerClientId!, metafield.Namespace!, metafield.Key!)))
            {
                Invalid($"{at}.key", "the customer has a metafield of this client with this namespace and key already");
            }

            var owner = (metafield.CustomerId, metafield.OwnerClientId!);
            if ((perOwner[owner] = perOwner.GetValueOrDefault(owner) + 1) == CustomerMetafield.MaxPerCustomerAndClient + 1)
            {
                Invalid($"{at}.customer_id", $"a customer has at most {CustomerMetafield.MaxPerCustomerAndClient} metafields of one client");
            }
        }
    }

    /// <summary>Whether the customer is in the snapshot; reported when not.</summary>
    private bool KnownCustomer(int customerId, string field)
    {
        if (_customers.Contains(customerId))
        {
            return true;
        }

        Invalid(field, $"there is no customer {customerId} in the snapshot");
        return false;
    }
}
