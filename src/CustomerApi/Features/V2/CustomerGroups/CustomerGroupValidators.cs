using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerApi.Features.V2.CustomerGroups;

/// <summary>Rules shared by create and update: every field that is present must be well formed.</summary>
public abstract class CustomerGroupV2FieldsValidator<T> : AbstractValidator<T> where T : CustomerGroupV2Fields
{
    // Read-only fields clients send back with whole objects: ignored, as for customers (behaviour doc 3.6).
    private static readonly HashSet<string> ReadOnlyFields = ["id", "date_created", "date_modified"];

    protected CustomerGroupV2FieldsValidator()
    {
        RuleForEach(g => g.OtherFields).Must(f => ReadOnlyFields.Contains(f.Key))
            .WithState((_, f) => Failure.NotSupported(f.Key));
        RuleFor(g => g.Name).Must(v => v!.Trim().Length > 0).When(g => g.Name is not null)
            .Fails(Failure.Invalid("name", "name must not be empty"));
        RuleFor(g => g.Name).MaxText("name", CustomerGroup.NameLength);
        RuleFor(g => g.CategoryAccess).Custom((access, context) => Report(context, CategoryAccessRules.Check(access)));
        RuleFor(g => g.DiscountRules).Custom((rules, context) => Report(context, DiscountRuleRules.Check(rules)));
    }

    private static void Report(ValidationContext<T> context, IEnumerable<Failure> failures)
    {
        foreach (var failure in failures)
        {
            context.AddFailure(new ValidationFailure(failure.Field, failure.Message) { CustomState = failure });
        }
    }
}

public sealed class CreateCustomerGroupV2Validator : CustomerGroupV2FieldsValidator<CreateCustomerGroupV2>
{
    public CreateCustomerGroupV2Validator() =>
        RuleFor(g => g.Name).NotNull().Fails(Failure.Required("name"));
}

public sealed class UpdateCustomerGroupV2Validator : CustomerGroupV2FieldsValidator<UpdateCustomerGroupV2>;

/// <summary><c>category_access</c>: a known type; category ids for <c>specific</c> and only for it.</summary>
public static class CategoryAccessRules
{
    public static IEnumerable<Failure> Check(CategoryAccessV2? access)
    {
        if (access is null)
        {
            yield break;
        }

        foreach (var field in access.OtherFields?.Keys ?? Enumerable.Empty<string>())
        {
            yield return Failure.NotSupported($"category_access.{field}");
        }

        if (access.Type is null)
        {
            yield return Failure.Required("category_access.type");
        }
        else if (!CategoryAccessTypes.Values.Contains(access.Type))
        {
            yield return Failure.Invalid("category_access.type", "category_access.type must be one of all, specific, none");
        }
        else if (access.Type == CategoryAccessTypes.Specific && access.Categories is null)
        {
            yield return Failure.Required("category_access.categories");
        }
        else if (access.Type != CategoryAccessTypes.Specific && access.Categories is { Count: > 0 })
        {
            yield return Failure.Invalid("category_access.categories", "categories may only be given when type is specific");
        }
        else if (access.Categories?.Any(id => id < 1) == true)
        {
            yield return Failure.Invalid("category_access.categories", "categories must be positive category ids");
        }
        else if (access.Categories?.Count > CustomerGroup.MaxCategories)
        {
            yield return Failure.Invalid("category_access.categories", $"categories may list at most {CustomerGroup.MaxCategories} category ids");
        }
    }
}

/// <summary>
/// <c>discount_rules</c> [spec customerGroup_Post_Put]: each rule has a known type; <c>price_list</c> carries only its
/// <c>price_list_id</c> and must be the only rule; the others carry a method and an amount (percentages up to 100),
/// <c>category</c> and <c>product</c> also their id; at most one <c>all</c> rule.
/// </summary>
public static class DiscountRuleRules
{
    public static IEnumerable<Failure> Check(List<DiscountRuleV2?>? rules)
    {
        if (rules is null)
        {
            yield break;
        }

        if (rules.Count > CustomerGroup.MaxDiscountRules)
        {
            yield return Failure.Invalid("discount_rules", $"A group may have at most {CustomerGroup.MaxDiscountRules} discount rules.");
            yield break;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var failure in CheckOne(rules[i], $"discount_rules.{i}"))
            {
                yield return failure;
            }
        }

        if (rules.Count > 1 && rules.Any(r => r?.Type == DiscountRuleTypes.PriceList))
        {
            yield return Failure.Invalid("discount_rules", "A price_list rule must be the only discount rule of the group.");
        }

        if (rules.Count(r => r?.Type == DiscountRuleTypes.All) > 1)
        {
            yield return Failure.Invalid("discount_rules", "A group may have only one discount rule of type all.");
        }
    }

    private static IEnumerable<Failure> CheckOne(DiscountRuleV2? rule, string at)
    {
        if (rule is null)
        {
            yield return Failure.Invalid(at, "Each discount rule must be a JSON object.");
            yield break;
        }

        foreach (var field in rule.OtherFields?.Keys ?? Enumerable.Empty<string>())
        {
            yield return Failure.NotSupported($"{at}.{field}");
        }

        if (rule.Type is null)
        {
            yield return Failure.Required($"{at}.type");
            yield break;
        }

        if (!DiscountRuleTypes.Values.Contains(rule.Type))
        {
            yield return Failure.Invalid($"{at}.type", "type must be one of price_list, all, category, product");
            yield break;
        }

        var idField = DiscountRuleTypes.IdField(rule.Type);
        foreach (var (field, present) in Present(rule))
        {
            var belongs = field == idField || rule.Type != DiscountRuleTypes.PriceList && field is "method" or "amount";
            if (present && !belongs)
            {
                yield return Failure.NotSupported($"{at}.{field}");
            }
        }

        if (idField is not null && IdOf(rule) is not > 0)
        {
            yield return IdOf(rule) is null ? Failure.Required($"{at}.{idField}") : Failure.Invalid($"{at}.{idField}", $"{idField} must be a positive id");
        }

        if (rule.Type == DiscountRuleTypes.PriceList)
        {
            yield break;
        }

        if (rule.Method is null)
        {
            yield return Failure.Required($"{at}.method");
        }
        else if (!DiscountRuleTypes.Methods.Contains(rule.Method))
        {
            yield return Failure.Invalid($"{at}.method", "method must be one of percent, fixed, price");
        }

        var maximum = rule.Method == "percent" ? 100m : CustomerLimits.MaxStoreCredit;
        if (rule.Amount is null)
        {
            yield return Failure.Required($"{at}.amount");
        }
        else if (rule.Amount < 0 || rule.Amount > maximum)
        {
            yield return Failure.Invalid($"{at}.amount", $"amount must be from 0 to {maximum:0.####}");
        }
    }

    private static int? IdOf(DiscountRuleV2 rule) => rule.Type switch
    {
        DiscountRuleTypes.PriceList => rule.PriceListId,
        DiscountRuleTypes.Category => rule.CategoryId,
        DiscountRuleTypes.Product => rule.ProductId,
        _ => null,
    };

    private static (string Field, bool Present)[] Present(DiscountRuleV2 rule) =>
    [
        ("method", rule.Method is not null), ("amount", rule.Amount is not null), ("price_list_id", rule.PriceListId is not null),
        ("category_id", rule.CategoryId is not null), ("product_id", rule.ProductId is not null),
    ];
}

public sealed class CustomerGroupFilterV2Validator : AbstractValidator<CustomerGroupFilterV2>
{
    public CustomerGroupFilterV2Validator()
    {
        this.AddListRules(CustomerGroupFilterV2.Names, ApiVersion.V2);
        RuleFor(f => f.IsDefault).Must(QueryValues.IsBool).Fails(Failure.Invalid("is_default", "is_default must be true or false"));
        RuleFor(f => f.IsGroupForGuests).Must(QueryValues.IsBool)
            .Fails(Failure.Invalid("is_group_for_guests", "is_group_for_guests must be true or false"));
    }
}
