using System.Text.Json;
using CustomerApi.Infrastructure.Errors;
using FluentValidation;

namespace CustomerApi.Infrastructure.Validation;

/// <summary>A request body that keeps the fields it does not declare (<c>[JsonExtensionData]</c>) so they can be judged.</summary>
public interface IHasExtraFields
{
    Dictionary<string, JsonElement>? OtherFields { get; }
}

public static class ExtraFieldRules
{
    /// <summary>Undeclared fields are refused by name, except the read-only ones clients send back with whole objects.</summary>
    public static void OnlyReadOnlyExtras<T>(this AbstractValidator<T> validator, IReadOnlySet<string> readOnly) where T : IHasExtraFields =>
        validator.RuleForEach(x => x.OtherFields).Must(f => readOnly.Contains(f.Key)).WithState((_, f) => Failure.NotSupported(f.Key));
}
