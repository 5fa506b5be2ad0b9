using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;
using FluentValidation;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// Email and password are required. Fields it does not know are ignored, not refused: BigCommerce takes V3 customer
/// bodies with keys it does not know (V3 doc 1.3, a misspelt <c>channels_ids</c> still creates) [inferred for this body].
/// </summary>
public sealed class ValidateCredentialsV3Validator : AbstractValidator<ValidateCredentialsV3>
{
    public ValidateCredentialsV3Validator()
    {
        RuleFor(v => v.Email).NotNull().Fails(Failure.Required("email"));
        RuleFor(v => v.Password).NotNull().Fails(Failure.Required("password"));
        RuleFor(v => v.ChannelId).GreaterThan(0).Fails(Failure.Invalid("channel_id", "channel_id must be a channel's id, 1 or more"));
    }
}
