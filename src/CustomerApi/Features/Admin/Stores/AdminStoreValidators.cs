using CustomerApi.Data.Entities;
using FluentValidation;

namespace CustomerApi.Features.Admin.Stores;

public sealed class CreateAdminStoreValidator : AbstractValidator<CreateAdminStore>
{
    public CreateAdminStoreValidator()
    {
        RuleFor(s => s.Hash!).Must(AdminStoreRules.IsHash).When(s => s.Hash is not null)
            .WithMessage($"a store hash is 1 to {Store.HashMaxLength} letters, digits, '-' or '_'").OverridePropertyName("hash");
        RuleFor(s => s.Name!).MaximumLength(Store.NameMaxLength).When(s => s.Name is not null)
            .WithMessage($"a store name is at most {Store.NameMaxLength} characters").OverridePropertyName("name");
    }
}

public sealed class CreateAdminTokenValidator : AbstractValidator<CreateAdminToken>
{
    public CreateAdminTokenValidator()
    {
        RuleFor(t => t.Scopes).NotEmpty().WithMessage("a token needs one scope or more, e.g. store_v2_customers").OverridePropertyName("scopes");
        RuleFor(t => t.Scopes!.Count).LessThanOrEqualTo(AdminStoreRules.MaxScopes).When(t => t.Scopes is not null)
            .WithMessage($"a token has at most {AdminStoreRules.MaxScopes} scopes").OverridePropertyName("scopes");
        RuleForEach(t => t.Scopes).Must(AdminStoreRules.IsScope)
            .WithMessage("a scope is 1 to 100 lower-case letters, digits or '_', as BigCommerce names them (store_v2_customers_read_only)")
            .OverridePropertyName("scopes");
    }
}

public static class AdminStoreRules
{
    public const int MaxScopes = 50;

    public static bool IsHash(string hash) =>
        hash.Length is > 0 and <= Store.HashMaxLength && hash.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool IsScope(string? scope) =>
        scope is { Length: > 0 and <= 100 } && scope.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
