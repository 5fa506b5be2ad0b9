using CustomerApi.Features.Admin.Faults;
using CustomerApi.Features.V2.Addresses;
using CustomerApi.Features.V2.CustomerGroups;
using CustomerApi.Features.V2.Customers;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Features.V2;

public static class V2Routes
{
    /// <summary>Everything under <c>/stores/{store_hash}/v2</c>.</summary>
    public static IEndpointRouteBuilder MapV2(this IEndpointRouteBuilder app)
    {
        app.MapStoreApi(ApiVersion.V2, Scopes.Customers)
            .WithValidation()
            .AnswersFaults(ApiVersion.V2)
            .MapCustomersV2()
            .MapAddressesV2()
            .MapCustomerGroupsV2();
        return app;
    }
}
