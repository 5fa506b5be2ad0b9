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
            .AddDocumentTransformer((document, _, _) =>
        {
            // Every GET also answers HEAD (StoreApi); the document names the GET only, as BigCommerce's does.
            foreach (var path in document.Paths.Values)
            {
                path.Operations?.Remove(HttpMethod.Head);
            }

            document.Info.Title = "CustomerApi: BigCommerce Customers API emulator";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = StoreAuthMiddleware.TokenHeader,
                Description = "A store's API token (the embedded default prints one at start-up).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }));

    public static WebApplication UseBcSwaggerUi(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "CustomerApi");
            ui.RoutePrefix = "swagger";
        });
        return app;
    }
}
