using System.Reflection;
using CustomerApi.Features.V3.FormFieldValues;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>The authenticated store of the request, with its form fields; handlers take it as a parameter.</summary>
public sealed record StoreContext(int Id, string Hash, StoreFormFields FormFields)
{
    // Set by StoreAuthMiddleware before any /stores endpoint runs.
    public static ValueTask<StoreContext?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Features.Get<StoreContext>());
}
