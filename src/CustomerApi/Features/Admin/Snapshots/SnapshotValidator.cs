using CustomerApi.Data.Entities;
using CustomerApi.Features.V2.CustomerGroups;
using CustomerApi.Infrastructure.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>
/// Everything about a snapshot that the document alone decides, checked before anything is written: the format version,
/// ids (positive, once each), references between rows, the rules the public API keeps (emails unique per channel, names
/// unique ignoring case, one group for guests, one value per customer and attribute, ...) and the columns' sizes. Form
/// field names are the store's own configuration, so the handler checks those (SnapshotFormFields).
/// </summary>
public sealed class SnapshotValidator : AbstractValidator<StoreSnapshot>
{
    public SnapshotValidator() => RuleFor(s => s).Custom((snapshot, context) =>
    {
        foreach (var failure in SnapshotChecks.Run(snapshot))
        {
            context.AddFailure(new ValidationFailure(failure.Field, failure.Message) { CustomState = failure });
        }
    });
}

/// <summary>One run of the checks over one document; it keeps the ids seen, which the later lists refer to.</summary>
internal sealed partial class SnapshotChecks
{
    /// <summary>An error answer names at most this many problems: a broken fixture of 10,000 rows is still a short answer.</summary>
    public const int MaxFailures = 50;

    /// <summary>The highest id a row may have: the next id must still be an int.</summary>
    public const int MaxId = int.MaxValue - 1;

    private readonly List<Failure> _failures = [];
    private readonly HashSet<int> _groups = [];
    private readonly HashSet<int> _attributes = [];
    private readonly Dictionary<int, string> _attributeTypes = [];
    private readonly HashSet<int> _customers = [];
    private readonly HashSet<int> _addresses = [];

    public static IReadOnlyList<Failure> Run(StoreSnapshot snapshot)
    {
        var checks = new SnapshotChecks();
        if (snapshot.FormatVersion != StoreSnapshot.CurrentFormatVersion)
        {
            checks.Invalid("format_version",
                $"format_version {snapshot.FormatVersion} is not one this service reads; it reads {StoreSnapshot.CurrentFormatVersion}");
            return checks._failures;
        }

        checks.Counters(snapshot.Counters);
        checks.Groups(snapshot.CustomerGroups ?? []);
        checks.Settings(snapshot.CustomerSettings, snapshot.ChannelSettings ?? []);
        checks.Attributes(snapshot.Attributes ?? []);
        checks.Customers(snapshot.Customers ?? []);
        checks.Addresses(snapshot.Addresses ?? []);
        checks.AttributeValues(snapshot.AttributeValues ?? []);
        checks.FormFieldValues(snapshot.FormFieldValues ?? []);
        checks.Consents(snapshot.Consents ?? []);
        checks.Metafields(snapshot.Metafields ?? []);
        return checks._failures;
    }

    private void Counters(StoreCounters? counters)
    {
        var values = counters is null ? [] : new[]
        {
            ("last_customer_id", counters.LastCustomerId), ("last_address_id", counters.LastAddressId),
            ("last_customer_group_id", counters.LastCustomerGroupId), ("last_attribute_id", counters.LastAttributeId),
            ("last_attribute_value_id", counters.LastAttributeValueId), ("last_form_field_value_id", counters.LastFormFieldValueId),
            ("last_metafield_id", counters.LastMetafieldId),
        };
        foreach (var (name, value) in values.Where(v => v.Item2 is < 0 or > MaxId))
        {
            Invalid($"counters.{name}", $"{name} must be from 0 to {MaxId}");
        }
    }

    private void Groups(List<SnapshotCustomerGroup?> groups)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        int? defaultGroup = null, guestsGroup = null;
        for (var i = 0; i < groups.Count; i++)
        {
            var at = $"customer_groups.{i}";
            if (Row(groups[i], at) is not { } group || !Id(group.Id, at, _groups))
            {
                continue;
            }

            if (Text(group.Name, $"{at}.name", CustomerGroup.NameLength, required: true) && !names.TryAdd(MatchKey.Of(group.Name!), group.Id))
            {
                Invalid($"{at}.name", $"customer group {names[MatchKey.Of(group.Name!)]} has this name; names are unique ignoring case");
            }

            Once(group.IsDefault, ref defaultGroup, group.Id, $"{at}.is_default", "the default group");
            Once(group.IsGroupForGuests, ref guestsGroup, group.Id, $"{at}.is_group_for_guests", "the group for guests");
            foreach (var failure in CategoryAccessRules.Check(group.CategoryAccess).Concat(DiscountRuleRules.Check(group.DiscountRules)))
            {
                Add(failure with { Field = $"{at}.{failure.Field}" });
            }
        }
    }

    private void Once(bool flagged, ref int? holder, int id, string field, string what)
    {
        if (flagged && holder is { } other)
        {
            Invalid(field, $"customer group {other} is already {what}; a store has one");
        }
        else if (flagged)
        {
            holder = id;
        }
    }

    private void Settings(SnapshotCustomerSettings? global, List<SnapshotChannelSettings?> channels)
    {
        Text(global?.PolicyUrl, "customer_settings.policy_url", CustomerSettings.PolicyUrlMaxLength);
        var seen = new HashSet<int>();
        for (var i = 0; i < channels.Count; i++)
        {
            var at = $"channel_settings.{i}";
            if (Row(channels[i], at) is not { } channel)
            {
                continue;
            }

            if (channel.ChannelId < 1)
            {
                Invalid($"{at}.channel_id", "channel_id must be a channel id, 1 or more");
            }
            else if (!seen.Add(channel.ChannelId))
            {
                Invalid($"{at}.channel_id", $"channel {channel.ChannelId} has settings twice");
            }

            Text(channel.PolicyUrl, $"{at}.policy_url", CustomerSettings.PolicyUrlMaxLength);
            GroupOrNone(channel.GuestCustomerGroupId, $"{at}.guest_customer_group_id");
            GroupOrNone(channel.DefaultCustomerGroupId, $"{at}.default_customer_group_id");
        }
    }

    private void GroupOrNone(int? groupId, string field)
    {
        if (groupId is > 0 && !_groups.Contains(groupId.Value) || groupId < 0)
        {
            Invalid(field, $"there is no customer group {groupId} in the snapshot; 0 is none");
        }
    }

    private void Attributes(List<SnapshotCustomerAttribute?> attributes)
    {
        if (attributes.Count > CustomerAttribute.MaxPerStore)
        {
            Invalid("attributes", $"a store has at most {CustomerAttribute.MaxPerStore} customer attributes");
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < attributes.Count; i++)
        {
            var at = $"attributes.{i}";
            if (Row(attributes[i], at) is not { } attribute || !Id(attribute.Id, at, _attributes))
            {
                continue;
            }

            if (Text(attribute.Name, $"{at}.name", CustomerAttribute.NameLength, required: true)
                && !names.TryAdd(MatchKey.Of(attribute.Name!), attribute.Id))
            {
                Invalid($"{at}.name", $"attribute {names[MatchKey.Of(attribute.Name!)]} has this name; names are unique ignoring case");
            }

            if (attribute.Type is null || !AttributeTypes.All.Contains(attribute.Type))
            {
                Invalid($"{at}.type", $"type must be one of {string.Join(", ", AttributeTypes.All)}");
            }
            else
            {
                _attributeTypes[attribute.Id] = attribute.Type;
            }
        }
    }

    /// <summary>Null, or the row: a null row is reported.</summary>
    private T? Row<T>(T? row, string at) where T : class
    {
        if (row is null)
        {
            Invalid(at, "each row must be a JSON object");
        }

        return row;
    }

    /// <summary>Whether <paramref name="id"/> is a new, valid id; adds it to <paramref name="seen"/>.</summary>
    private bool Id(int id, string at, HashSet<int> seen)
    {
        if (id is < 1 or > MaxId)
        {
            Invalid($"{at}.id", $"id must be from 1 to {MaxId}");
            return false;
        }

        if (!seen.Add(id))
        {
            Invalid($"{at}.id", $"id {id} is given twice");
            return false;
        }

        return true;
    }

    /// <summary>Whether the text is there (when <paramref name="required"/>), not blank then, and fits its column.</summary>
    private bool Text(string? value, string field, int max, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(Failure.Required(field));
            }

            return !required;
        }

        if (required && value.Trim().Length == 0)
        {
            Invalid(field, "must not be empty");
            return false;
        }

        if (value.Length > max)
        {
            Invalid(field, $"must be at most {max} characters");
            return false;
        }

        return true;
    }

    private void Invalid(string field, string reason) => Add(Failure.Invalid(field, reason));

    private void Add(Failure failure)
    {
        if (_failures.Count < MaxFailures)
        {
            _failures.Add(failure);
        }
    }
}
