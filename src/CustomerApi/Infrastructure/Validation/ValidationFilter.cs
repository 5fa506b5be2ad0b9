using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using FluentValidation;

namespace CustomerApi.Infrastructure.Validation;

/// <summary>
/// The one validation pipeline: for each handler argument whose type has an <see cref="IValidator{T}"/>, runs it
/// and answers with the BigCommerce body of the route's API version. Attached on the V2 and V3 root groups.
/// </summary>
public static class ValidationFilter
{
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var validators = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (index, validator: context.ApplicationServices.GetService(
                typeof(IValidator<>).MakeGenericType(parameter.ParameterType)) as IValidator))
            .Where(p => p.validator is not null)
            .ToArray();
        if (validators.Length == 0)
        {
            return next;
        }

        return async invocation =>
        {
            foreach (var (index, validator) in validators)
            {
                if (invocation.Arguments[index] is not { } argument)
                {
                    continue;
                }

                var result = await validator!.ValidateAsync(new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted);
                if (!result.IsValid)
                {
                    var version = invocation.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StoreApi>()?.Version
                        ?? ApiVersions.FromPath(invocation.HttpContext.Request.Path);
                    var failures = result.Errors.Select(e => e.CustomState as Failure ?? Failure.Invalid(e.PropertyName, e.ErrorMessage)).ToList();
                    if (argument is IQueryFilter query)
                    {
                        // Name the query's parameters in the order the request gave them.
                        var order = query.Request.Query.Keys.ToList();
                        failures = [.. failures.OrderBy(f => order.IndexOf(f.Field) is var i and >= 0 ? i : int.MaxValue)];
                    }

                    return BcErrors.Validation(version, failures, inQuery: argument is IQueryFilter);
                }
            }

            return await next(invocation);
        };
    }
}
