using CustomerApi.Features.Admin.Faults;
using CustomerApi.Features.V3.Addresses;
using CustomerApi.Features.V3.Attributes;
using CustomerApi.Features.V3.AttributeValues;
using CustomerApi.Features.V3.Consent;
using CustomerApi.Features.V3.Customers;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Features.V3.Metafields;
using CustomerApi.Features.V3.Settings;
using CustomerApi.Features.V3.StoredInstruments;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Validation;

namespace CustomerApi.Features.V3;

public static class V3Routes
{
    /// <summary>Everything under <c>/stores/{store_hash}/v3</c>; the same tokens and scopes as V2.</summary>
    public static IEndpointRouteBuilder MapV3(this IEndpointRouteBuilder app)
    {
        app.MapStoreApi(ApiVersion.V3, Scopes.Customers)
            .WithValidation()
            .AnswersFaults(ApiVersion.V3)
            .MapAttributesV3()
            .MapAttributeValuesV3()
            .MapCredentialsV3()
            .MapAddressesV3()
            .MapFormFieldValuesV3()
            .MapConsentV3()
            .MapStoredInstrumentsV3()
            .MapSettingsV3()
            .MapMetafieldBatchV3()
            .MapMetafieldsV3()
            .MapCustomersV3();
        return app;
    }
}
