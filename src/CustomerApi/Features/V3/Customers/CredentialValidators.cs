using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Customers;

public sealed class ValidateCredentialsV3Validator : AbstractValidator<ValidateCredentialsV3>
{
    public ValidateCredentialsV3Validator()
    {
        this.OnlyReadOnlyExtras(new HashSet<string>());
        RuleFor(v => v.Email).NotNull().Fails(Failure.Required("email"));
        RuleFor(v => v.Password).NotNull().Fails(Failure.Required("password"));
        RuleFor(v => v.ChannelId).GreaterThan(0).Fails(Failure.Invalid("channel_id", "channel_id must be a channel's id, 1 or more"));
    }
}
