using CustomerApi.Infrastructure.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerApi.Features.Admin.Faults;

/// <summary>Each failure is keyed by the rule and field, e.g. <c>rules[0].status</c>; whether a template names a route is the handler's to check.</summary>
public sealed class PutFaultsValidator : AbstractValidator<PutFaults>
{
    public const int MaxRules = 50;
    public const int MaxLatencyMs = 30_000;
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete];

    public PutFaultsValidator() => RuleFor(b => b.Rules).Custom((rules, context) =>
    {
        if (rules is null)
        {
            Add(context, "rules", "rules is required: the store's rules, all of them ([] clears them)");
            return;
        }

        if (rules.Count > MaxRules)
        {
            Add(context, "rules", $"a store has at most {MaxRules} rules");
            return;
        }

        for (var index = 0; index < rules.Count; index++)
        {
            foreach (var (field, reason) in Problems(rules[index]))
            {
                Add(context, field.Length == 0 ? $"rules[{index}]" : $"rules[{index}].{field}", reason);
            }
        }
    });

    private static IEnumerable<(string Field, string Reason)> Problems(FaultRuleInput? rule)
    {
        if (rule is null)
        {
            yield return ("", "each rule is a JSON object");
            yield break;
        }

        if (rule.Path is null || rule.Path.Trim().Length == 0)
        {
            yield return ("path", "path is required: a prefix such as /v3/customers, or a route template such as /v2/customers/{customer_id}");
        }
        else if (FaultPaths.Normalize(rule.Path) is not { } path)
        {
            yield return ("path", $"path starts with /, has no spaces, ? or #, and is at most {FaultPaths.MaxLength} characters");
        }
        else if (!FaultPaths.IsStorePrefix(path))
        {
            yield return ("path", "path is matched after /stores/{store_hash}: it starts with /v2 or /v3, or is / for every route");
        }

        if (rule.Method is not null && !Methods.Contains(rule.Method, StringComparer.OrdinalIgnoreCase))
        {
            yield return ("method", "method is GET, POST, PUT or DELETE, or absent for every method");
        }

        if (rule.Status is { } status && !FaultAnswers.Statuses.Contains(status))
        {
            yield return ("status", "status is 429, 500, 502, 503 or 504, or absent to only delay by latency_ms");
        }

        if (rule.Probability is < 0 or > 1)
        {
            yield return ("probability", "probability is from 0 to 1 (1 when absent)");
        }

        if (rule.LatencyMs is < 0 or > MaxLatencyMs)
        {
            yield return ("latency_ms", $"latency_ms is from 0 to {MaxLatencyMs}");
        }
        else if (rule.Status is null && rule.LatencyMs is null or 0)
        {
            yield return ("status", "a rule needs a status, or a latency_ms above 0 to only delay");
        }

        if (rule.Times is < 1)
        {
            yield return ("times", "times is 1 or more, or absent for no end");
        }
    }

    private static void Add(ValidationContext<PutFaults> context, string field, string reason) =>
        context.AddFailure(new ValidationFailure(field, reason) { CustomState = Failure.Invalid(field, reason) });
}

public sealed class PutRateLimitValidator : AbstractValidator<PutRateLimit>
{
    public const int MaxQuota = 1_000_000_000;
    public const long MaxWindowMs = 3_600_000;

    public PutRateLimitValidator()
    {
        RuleFor(b => b.Plan).Null().When(b => b.Quota is not null || b.WindowMs is not null)
            .WithMessage("give a plan, or quota and window_ms, not both").OverridePropertyName("plan");
        RuleFor(b => b.Plan!).Must(plan => RateLimitPlans.Find(plan) is not null).When(b => b.Plan is not null)
            .WithMessage($"plan is one of {string.Join(", ", RateLimitPlans.Names)}; Enterprise quotas are by agreement: give quota and window_ms instead")
            .OverridePropertyName("plan");
        RuleFor(b => b.Quota).NotNull().When(b => b.Plan is null)
            .WithMessage("quota is required (with window_ms, or the configured window), unless a plan is given").OverridePropertyName("quota");
        RuleFor(b => b.Quota).InclusiveBetween(1, MaxQuota).When(b => b.Quota is not null)
            .WithMessage($"quota is from 1 to {MaxQuota:N0} requests a window").OverridePropertyName("quota");
        RuleFor(b => b.WindowMs).InclusiveBetween(1, MaxWindowMs).When(b => b.WindowMs is not null)
            .WithMessage($"window_ms is from 1 to {MaxWindowMs:N0}").OverridePropertyName("window_ms");
    }
}
