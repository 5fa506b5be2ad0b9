namespace CustomerApi.Infrastructure.Errors;

/// <summary>Gives the framework's bodiless error answers (unknown route, wrong method, ...) BigCommerce bodies.</summary>
public static class StatusCodeBodies
{
    private static readonly HashSet<string> ApiMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS" };

    public static IApplicationBuilder UseBcStatusCodeBodies(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var version = ApiVersions.FromPath(http.Request.Path);
            var method = http.Request.Method;
            BcErrorResult result = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => BcErrors.NotFound(version),
                // PATCH, TRACE and the like are not part of the API at all: 501, as BigCommerce documents.
                StatusCodes.Status405MethodNotAllowed when !ApiMethods.Contains(method) => BcErrors.MethodNotImplemented(version, method),
                StatusCodes.Status405MethodNotAllowed => BcErrors.MethodNotAllowed(version, method),
                StatusCodes.Status406NotAcceptable => BcErrors.NotAcceptable(version),
                StatusCodes.Status413PayloadTooLarge => BcErrors.PayloadTooLarge(version),
                StatusCodes.Status415UnsupportedMediaType => BcErrors.UnsupportedMediaType(version),
                StatusCodes.Status401Unauthorized => BcErrors.Unauthorized(version),
                StatusCodes.Status403Forbidden => BcErrors.Forbidden(version),
                var status => BcErrors.ForStatus(version, status),
            };
            return result.ExecuteAsync(http);
        });
}
