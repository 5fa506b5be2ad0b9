using FluentValidation;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>Request bodies are the types that have a validator (every one does: ValidationFilter runs it).</summary>
public static class RequestBodies
{
    public static IValidator? ValidatorOf(Type type, IServiceProvider services) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator;

    public static bool IsRequest(Type type, IServiceProvider services) => ValidatorOf(type, services) is not null;
}
