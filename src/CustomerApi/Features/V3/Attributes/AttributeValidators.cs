using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Attributes;

internal static class AttributeRules
{
    // Read-only fields clients send back with whole objects: ignored. Anything else unknown is refused.
    public static readonly IReadOnlySet<string> ReadOnlyFields = new HashSet<string> { "id", "date_created", "date_modified" };

    public static readonly string TypeRule = $"type must be one of: {string.Join(", ", AttributeTypes.All)}";

    public static IRuleBuilderOptions<T, string?> MustBeAttributeName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || n.Trim().Length is > 0 and <= CustomerAttribute.NameLength)
            .Fails(Failure.Invalid("name", $"name must be 1 to {CustomerAttribute.NameLength} characters"));

    public static IRuleBuilderOptions<T, string?> MustBeAttributeType<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OneOf(AttributeTypes.All).Fails(Failure.Invalid("type", TypeRule));

}

public sealed class CreateAttributeV3Validator : AbstractValidator<CreateAttributeV3>
{
    public CreateAttributeV3Validator()
    {
        this.OnlyReadOnlyExtras(AttributeRules.ReadOnlyFields);
        RuleFor(a => a.Name).NotNull().Fails(Failure.Required("name"));
        RuleFor(a => a.Name).MustBeAttributeName();
        RuleFor(a => a.Type).NotNull().Fails(Failure.Required("type"));
        RuleFor(a => a.Type).MustBeAttributeType();
    }
}

public sealed class UpdateAttributeV3Validator : AbstractValidator<UpdateAttributeV3>
{
    public UpdateAttributeV3Validator()
    {
        this.OnlyReadOnlyExtras(AttributeRules.ReadOnlyFields);
        RuleFor(a => a.Id).NotNull().Fails(Failure.Required("id"));
        RuleFor(a => a.Id).GreaterThan(0).When(a => a.Id is not null).Fails(Failure.Invalid("id", "id must be a customer attribute id"));
        RuleFor(a => a.Name).NotNull().Fails(Failure.Required("name"));
        RuleFor(a => a.Name).MustBeAttributeName();
        RuleFor(a => a.Type).MustBeAttributeType();
    }
}

/// <summary>A store holds at most 50 attributes, so no batch of more can be created or renamed.</summary>
public sealed class CreateAttributesV3Validator() : BatchValidator<CreateAttributeV3>(new CreateAttributeV3Validator(), CustomerAttribute.MaxPerStore);

public sealed class UpdateAttributesV3Validator() : BatchValidator<UpdateAttributeV3>(new UpdateAttributeV3Validator(), CustomerAttribute.MaxPerStore);

public sealed class AttributeFilterV3Validator : AbstractValidator<AttributeFilterV3>
{
    public AttributeFilterV3Validator()
    {
        this.AddListRules(AttributeFilterV3.Names, ApiVersion.V3);
        RuleFor(f => f.Type).MustBeAttributeType();
    }
}
