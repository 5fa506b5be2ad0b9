using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Metafields;

/// <summary>What the metafield validators share; each states its rules on its own properties, so the document shows them.</summary>
internal static class MetafieldRules
{
    /// <summary>Read-only fields clients send back with whole objects; ignored. Any other undeclared field is refused.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "resource_type", "resource_id", "date_created", "date_modified", "owner_client_id",
    };

    public static readonly Failure PermissionSet =
        Failure.Invalid("permission_set", $"permission_set must be one of: {string.Join(", ", MetafieldPermissions.All)}");

    public static readonly Failure Namespace = Length("namespace", 1, CustomerMetafield.NamespaceLength);
    public static readonly Failure Key = Length("key", 1, CustomerMetafield.KeyLength);
    public static readonly Failure Value = Length("value", 1, CustomerMetafield.ValueLength);
    public static readonly Failure Description = Length("description", 0, CustomerMetafield.DescriptionLength);

    private static Failure Length(string field, int min, int max) => Failure.Invalid(field, $"{field} must be {min} to {max} characters");

    /// <summary>The first thing wrong with a batch's item, as its entry in the answer's errors says it; null when nothing is.</summary>
    public static string? FirstProblem<T>(IValidator<T> validator, T? item) where T : class =>
        item is null ? "Each item must be a JSON object."
        : validator.Validate(item).Errors.FirstOrDefault() is { } error ? (error.CustomState as Failure)?.Reason ?? error.ErrorMessage
        : null;
}

/// <summary>A single create: permission_set, namespace, key and value are required (spec: MetafieldBase_Post).</summary>
public sealed class MetafieldInputV3Validator : AbstractValidator<MetafieldInputV3>
{
    public MetafieldInputV3Validator()
    {
        this.OnlyReadOnlyExtras(MetafieldRules.ReadOnly);
        RuleFor(m => m.PermissionSet).NotNull().Fails(Failure.Required("permission_set"));
        RuleFor(m => m.Namespace).NotNull().Fails(Failure.Required("namespace"));
        RuleFor(m => m.Key).NotNull().Fails(Failure.Required("key"));
        RuleFor(m => m.Value).NotNull().Fails(Failure.Required("value"));
        Include(MetafieldFieldRules.Instance);
    }
}

/// <summary>
/// The rules of the fields a create and an update share, each judged when sent (a create requires its four first).
/// Internal, so the validation filter's registration does not pick it up on its own.
/// </summary>
internal sealed class MetafieldFieldRules : AbstractValidator<IMetafieldFields>
{
    public static readonly MetafieldFieldRules Instance = new();

    private MetafieldFieldRules()
    {
        RuleFor(m => m.PermissionSet).OneOf(MetafieldPermissions.All).Fails(MetafieldRules.PermissionSet);
        RuleFor(m => m.Namespace).Length(1, CustomerMetafield.NamespaceLength).Fails(MetafieldRules.Namespace);
        RuleFor(m => m.Key).Length(1, CustomerMetafield.KeyLength).Fails(MetafieldRules.Key);
        RuleFor(m => m.Value).Length(1, CustomerMetafield.ValueLength).Fails(MetafieldRules.Value);
        RuleFor(m => m.Description).MaximumLength(CustomerMetafield.DescriptionLength).Fails(MetafieldRules.Description);
    }
}

/// <summary>An item of the batch create: a create plus the customer, <c>resource_id</c>. The handler runs it on each item.</summary>
public sealed class NewMetafieldV3Validator : AbstractValidator<NewMetafieldV3>
{
    public static readonly NewMetafieldV3Validator Instance = new();

    public NewMetafieldV3Validator()
    {
        RuleFor(m => m.ResourceId).NotNull().Fails(Failure.Required("resource_id"));
        RuleFor(m => m.ResourceId).GreaterThan(0).When(m => m.ResourceId is not null)
            .Fails(Failure.Invalid("resource_id", "resource_id must be a customer id"));
        Include(new MetafieldInputV3Validator());
    }
}

/// <summary>An update: every field optional, each judged when sent (spec: MetafieldBase_Put).</summary>
public sealed class MetafieldChangesV3Validator : AbstractValidator<MetafieldChangesV3>
{
    public MetafieldChangesV3Validator()
    {
        this.OnlyReadOnlyExtras(MetafieldRules.ReadOnly);
        RuleFor(m => m.Id).GreaterThan(0).When(m => m.Id is not null).Fails(Failure.Invalid("id", "id must be a metafield id"));
        Include(MetafieldFieldRules.Instance);
    }
}

/// <summary>An item of the batch update: an update that names its metafield. Not registered: the handler judges each item.</summary>
internal sealed class MetafieldBatchChangeValidator : AbstractValidator<MetafieldChangesV3>
{
    public static readonly MetafieldBatchChangeValidator Instance = new();

    private MetafieldBatchChangeValidator()
    {
        RuleFor(m => m.Id).NotNull().Fails(Failure.Required("id"));
        Include(new MetafieldChangesV3Validator());
    }
}

/// <summary>
/// The batches: 1 to <see cref="MetafieldBatchEndpoints.MaxPerCall"/> items (more is 413, none 422), judged as a whole
/// here; each item is judged on its own by the handler, which writes the good ones (partial success).
/// </summary>
public sealed class NewMetafieldsV3Validator() : BatchSizeValidator<NewMetafieldV3?>(MetafieldBatchEndpoints.MaxPerCall);

public sealed class MetafieldsChangesV3Validator() : BatchSizeValidator<MetafieldChangesV3?>(MetafieldBatchEndpoints.MaxPerCall);

public sealed class MetafieldIdsV3Validator() : BatchSizeValidator<int>(MetafieldBatchEndpoints.MaxPerCall);
