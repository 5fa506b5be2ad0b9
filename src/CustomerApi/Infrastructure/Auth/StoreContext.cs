using System.Reflection;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Features.V3.Settings;

namespace CustomerApi.Infrastructure.Auth;

/// <summary>The authenticated store of the request, with its form fields and channels; handlers take it as a parameter.</summary>
public sealed record StoreContext(int Id, string Hash, StoreFormFields FormFields, StoreChannels Channels)
{
    // Set by StoreAuthMiddleware before any /stores endpoint runs.
    public static ValueTask<StoreContext?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Features.Get<StoreContext>());
}
