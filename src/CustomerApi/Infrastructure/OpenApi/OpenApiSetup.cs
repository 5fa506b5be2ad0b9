using CustomerApi.Features.Admin;
using CustomerApi.Infrastructure.Auth;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    private const string SchemeName = "X-Auth-Token";

    /// <summary>The document at /openapi/v1.json, with the X-Auth-Token scheme so Swagger UI's "Authorize" works.</summary>
    public static IServiceCollection AddBcOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddSchemaTransformer<WireSchemas>()
            .AddSchemaTransformer<ValidatorSchemas>()
            .AddOperationTransformer<StoreHashParameter>()
            .AddOperationTransformer<QueryParameters>()
            .AddOperationTransformer<SuccessResponses>()
            .AddOperationTransformer<ErrorResponses>()
            .AddOperationTransformer<RequestExamples>()
            .AddOperationTransformer<AdminOperations>()
            .AddDocumentTransformer<MethodAnswers>()
            .AddDocumentTransformer((document, _, _) =>
        {
            // Every GET also answers HEAD (StoreApi); the document names the GET only, as BigCommerce's does.
            foreach (var path in document.Paths.Values)
            {
                path.Operations?.Remove(HttpMethod.Head);
            }

            document.Info.Title = "CustomerApi: BigCommerce Customers API emulator";
            document.Info.Version = "v2, v3, admin";
            document.Info.Description =
                "BigCommerce's Customers API (V2 and V3) as https://api.bigcommerce.com/stores/{store_hash}/ answers it: same paths, " +
                "fields, filters, status codes and error bodies. Press Authorize and give a store's token (the embedded default's " +
                "demo store is 'demo', its token 'demo-token'), then Try it out on any operation. The operations tagged " +
                $"'{AdminRoutes.Tag}' are the emulator's own, for test suites: they take the admin key (X-Admin-Key, printed at start-up) instead.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = StoreAuthMiddleware.TokenHeader,
                Description = "A store's API token, sent as X-Auth-Token; the embedded default's is 'demo-token' (printed at start-up).",
            };
            document.Components.SecuritySchemes[AdminOperations.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AdminKeyMiddleware.Header,
                Description = "The admin key (Admin:Key), sent as X-Admin-Key; the embedded default makes one at first start and prints it.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }));

    public static WebApplication UseBcSwaggerUi(this WebApplication app)
    {
        app.MapOpenApi();
        // Only under /swagger: the UI's middleware matches every request it sees against its routes by regex.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), ui => ui.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "CustomerApi");
            options.RoutePrefix = "swagger";
        }));
        return app;
    }
}
