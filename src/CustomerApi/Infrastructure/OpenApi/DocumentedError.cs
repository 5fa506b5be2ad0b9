using CustomerApi.Infrastructure.Errors;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>
/// Endpoint metadata: an error answer a route gives beyond those every route of its kind gives (see
/// <see cref="ErrorResponses"/>), with its example made by <see cref="BcErrors"/> itself.
/// </summary>
public sealed record DocumentedError(int Status, string Description, Func<BcErrorResult> Example);

public static class DocumentedErrorExtensions
{
    public static TBuilder Answers<TBuilder>(this TBuilder builder, int status, string description, Func<BcErrorResult> example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedError(status, description, example));
}
