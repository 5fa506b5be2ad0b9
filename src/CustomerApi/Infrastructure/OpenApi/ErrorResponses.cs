using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Http;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>
/// Every error answer a store route can give, in BigCommerce's body for its version (<see cref="ErrorSchemas"/>), each
/// with an example made by <see cref="BcErrors"/>: those every route gives, those its shape implies (a route id can be
/// 404, a body 413/415 and its validation, a V2 page limit 413) and those it declares (<see cref="DocumentedError"/>).
/// </summary>
public sealed class ErrorResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var version = context.StoreApi()?.Version ?? (context.IsAdminApi() ? ApiVersion.Admin : (ApiVersion?)null);
        if (version is not { } known)
        {
            return Task.CompletedTask;
        }

        var implied = known == ApiVersion.Admin ? ImpliedForAdmin(context.Description) : Implied(context.Description, metadata, known);
        var errors = new SortedDictionary<int, DocumentedError>();
        foreach (var error in implied.Concat(metadata.OfType<DocumentedError>()))
        {
            errors[error.Status] = error; // what a route declares replaces what its shape implies
        }

        operation.Responses ??= [];
        foreach (var (status, error) in errors)
        {
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = ErrorSchemas.Response(known, context.Document!, error.Description, error.Example());
            if (operation.Responses.TryGetValue(code, out var own) && own.Content?.TryGetValue("application/json", out var ownMedia) == true
                && ownMedia.Schema is { } ownSchema)
            {
                // The route answers this status with a body of its own too (a metafield batch's partial success, 422): either body.
                var media = response.Content!["application/json"];
                media.Schema = new OpenApiSchema { AnyOf = [ownSchema, media.Schema!] };
            }

            operation.Responses[code] = response;
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<DocumentedError> ImpliedForAdmin(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        const ApiVersion admin = ApiVersion.Admin;
        yield return new(401, "No X-Admin-Key header, or not the admin key.", BcErrors.AdminUnauthorized);
        yield return new(404, "No admin key is configured (Admin:Key), so there is no admin API; or no store has that hash.",
            () => BcErrors.NotFound(admin));
        yield return new(414, "The URL is longer than the service accepts (Limits:MaxUrlBytes).",
            () => BcErrors.UriTooLong(admin, RequestSizeLimits.DefaultMaxUrlBytes));
        yield return new(429, "The client address's request quota is spent (RateLimit:PerAddress).", () => BcErrors.TooManyRequests(admin));
        yield return new(431, "The request's headers are larger than the service accepts (Limits:MaxRequestHeadersBytes).",
            () => BcErrors.RequestHeadersTooLarge(admin, RequestSizeLimits.DefaultMaxRequestHeadersBytes));
        yield return new(503, "The database could not take the request now; nothing was written. Retry after Retry-After seconds.",
            () => BcErrors.Unavailable(admin));

        var parameters = description.ParameterDescriptions;
        if (parameters.Any(p => p.Source == BindingSource.Query))
        {
            yield return new(422, "A query parameter is invalid.", () => BcErrors.AdminInvalid("limit", "limit is a whole number from 1"));
        }

        if (parameters.Any(p => p.Source == BindingSource.Body))
        {
            yield return new(400, "The body is not valid JSON.", () => BcErrors.MalformedJson(admin));
            yield return new(413, "The body is larger than the service accepts.", () => BcErrors.PayloadTooLarge(admin));
            yield return new(415, "The body is not sent as application/json.", () => BcErrors.UnsupportedMediaType(admin));
            yield return new(422, "A field of the body is missing or invalid; errors are keyed by field.",
                () => BcErrors.AdminInvalid("hash", "a store hash is 1 to 64 letters, digits, '-' or '_'"));
        }
    }

    private static IEnumerable<DocumentedError> Implied(
        Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description, IList<object> metadata, ApiVersion version)
    {
        yield return version == ApiVersion.V2
            ? new(400, "A query parameter or a body field is unknown or invalid, or the body is not valid JSON.",
                () => BcErrors.Validation(version, [Failure.NotSupported("favourite_colour")]))
            : new(400, "The body is not valid JSON, or a query parameter is given twice with different values.",
                () => BcErrors.MalformedJson(version));
        yield return new(401, "No token, or not a token of this store (X-Auth-Token).", () => BcErrors.Unauthorized(version));
        yield return new(403, "The token lacks the scope this route needs.", () => BcErrors.Forbidden(version));
        yield return new(406, "The Accept header allows no JSON.", () => BcErrors.NotAcceptable(version));
        yield return new(414, "The URL is longer than the service accepts (Limits:MaxUrlBytes).",
            () => BcErrors.UriTooLong(version, RequestSizeLimits.DefaultMaxUrlBytes));
        yield return new(429, "The store's request quota is spent; see the X-Rate-Limit-* headers.", () => BcErrors.TooManyRequests(version));
        yield return new(431, "The request's headers are larger than the service accepts (Limits:MaxRequestHeadersBytes).",
            () => BcErrors.RequestHeadersTooLarge(version, RequestSizeLimits.DefaultMaxRequestHeadersBytes));
        yield return new(503, "The database could not take the request now (nothing was written; retry after Retry-After seconds), " +
            "or a fault rule of the store's (PUT /admin/stores/{hash}/faults) answered it.",
            () => BcErrors.Unavailable(version));

        var parameters = description.ParameterDescriptions;
        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            yield return new(404, "Nothing with that id in this store.", () => BcErrors.NotFound(version));
        }

        var handler = metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
        if (version == ApiVersion.V2 && handler?.GetParameters().Any(p => typeof(IPaged).IsAssignableFrom(p.ParameterType)) == true)
        {
            yield return new(413, $"limit is over {Paging.MaxLimit}.", () => BcErrors.Validation(version, [Failure.LimitTooLarge(Paging.MaxLimit)]));
        }

        if (version == ApiVersion.V3 && parameters.Any(p => p.Source == BindingSource.Query))
        {
            yield return new(422, "A query parameter is unknown or invalid.",
                () => BcErrors.Validation(version, [Failure.NotSupported("favourite_colour")], inQuery: true));
        }

        if (parameters.Any(p => p.Source == BindingSource.Body))
        {
            yield return new(413, "The body is larger than the service accepts.", () => BcErrors.PayloadTooLarge(version));
            yield return new(415, "The body is not sent as application/json.", () => BcErrors.UnsupportedMediaType(version));
            if (version == ApiVersion.V3)
            {
                yield return new(422, "A field of the body is missing or invalid; errors are keyed by item index and field.",
                    () => BcErrors.Validation(version, [Failure.Required("name").AtItem(0)]));
            }
        }
    }
}
