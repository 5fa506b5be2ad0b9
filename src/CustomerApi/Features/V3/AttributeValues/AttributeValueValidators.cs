using System.Globalization;
using System.Text.RegularExpressions;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.AttributeValues;

public sealed class UpsertAttributeValueV3Validator : AbstractValidator<UpsertAttributeValueV3>
{
    // Read-only fields clients send back with whole objects: ignored. Anything else unknown is refused.
    private static readonly IReadOnlySet<string> ReadOnlyFields = new HashSet<string> { "date_created", "date_modified" };

    public UpsertAttributeValueV3Validator()
    {
        this.OnlyReadOnlyExtras(ReadOnlyFields);
        RuleFor(v => v.AttributeId).NotNull().Fails(Failure.Required("attribute_id"));
        RuleFor(v => v.AttributeId).GreaterThan(0).When(v => v.AttributeId is not null)
            .Fails(Failure.Invalid("attribute_id", "attribute_id must be a customer attribute id"));
        RuleFor(v => v.CustomerId).NotNull().Fails(Failure.Required("customer_id"));
        RuleFor(v => v.CustomerId).GreaterThan(0).When(v => v.CustomerId is not null)
            .Fails(Failure.Invalid("customer_id", "customer_id must be a customer id"));
        RuleFor(v => v.Id).GreaterThan(0).When(v => v.Id is not null).Fails(Failure.Invalid("id", "id must be a customer attribute value id"));
        RuleFor(v => v.Value).NotNull().Fails(Failure.Required("value"));
        RuleFor(v => v.Value).MaxText("value", CustomerAttributeValue.ValueLength);
    }
}

/// <summary>
/// At most 10 customers a call [spec], each with at most one value of each of the store's at most 50 attributes: a
/// batch of more than 500 items cannot be valid, and is refused before its items are looked at.
/// </summary>
public sealed class UpsertAttributeValuesV3Validator() : BatchValidator<UpsertAttributeValueV3>(
    new UpsertAttributeValueV3Validator(), AttributeValuesEndpoints.MaxCustomersPerCall * CustomerAttribute.MaxPerStore);

public sealed class AttributeValueFilterV3Validator : AbstractValidator<AttributeValueFilterV3>
{
    public AttributeValueFilterV3Validator()
    {
        this.AddListRules(AttributeValueFilterV3.Names, ApiVersion.V3);
        RuleFor(f => f.CustomerIdIn).MustBeIdList("customer_id:in");
        RuleFor(f => f.AttributeIdIn).MustBeIdList("attribute_id:in");
    }
}

/// <summary>Values are text, but text that fits the attribute's type: a number parses as one, a date as ISO 8601.</summary>
public static partial class AttributeValueTypes
{
    public static bool Fits(string type, string value) => type switch
    {
        AttributeTypes.Number => double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var number) && double.IsFinite(number),
        AttributeTypes.Date => IsoDate().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => true,
    };

    public static string Rule(string type) => type switch
    {
        AttributeTypes.Number => "value must be a number, written as text (\"42\", \"-3.5\")",
        AttributeTypes.Date => "value must be an ISO 8601 date (\"2024-05-14\" or \"2024-05-14T09:34:00Z\")",
        _ => "value must be text",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex IsoDate();
}
