namespace CustomerApi.Infrastructure.Errors;

/// <summary>
/// The one place error bodies are made, one method per documented situation. Texts marked [observed] come from
/// real BigCommerce responses; the others are our reading (behaviour doc section 2) and live only here.
/// </summary>
public static class BcErrors
{
    public const string V3Type = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

    // [observed] bigcommerce-api-php#160. Made once: a flood of bad tokens gets this answer.
    private static readonly BcErrorResult[] UnauthorizedAnswers = Frozen(version => Make(version, StatusCodes.Status401Unauthorized,
        "No credentials were supplied in the request.",
        "Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store."));

    // [spec] V3 title "Too many requests"; V2 [inferred]. Made once: a flood gets this answer.
    private static readonly BcErrorResult[] TooManyRequestsAnswers = Frozen(version => Make(version, StatusCodes.Status429TooManyRequests,
        "Too many requests"));

    public static BcErrorResult Unauthorized(ApiVersion version) => UnauthorizedAnswers[(int)version];

    // [observed] NangoHQ/nango#7026
    public static BcErrorResult Forbidden(ApiVersion version) => Make(version, StatusCodes.Status403Forbidden,
        "You don't have a required scope to access the endpoint");

    public static BcErrorResult NotFound(ApiVersion version) => Make(version, StatusCodes.Status404NotFound,
        "The requested resource was not found.", "The resource at that URL is not found.");

    public static BcErrorResult MethodNotAllowed(ApiVersion version, string method) => Make(version, StatusCodes.Status405MethodNotAllowed,
        $"The method '{method}' is not allowed on this resource.");

    public static BcErrorResult MethodNotImplemented(ApiVersion version, string method) => Make(version, StatusCodes.Status501NotImplemented,
        $"The method '{method}' is not supported by the API.");

    public static BcErrorResult NotAcceptable(ApiVersion version) => Make(version, StatusCodes.Status406NotAcceptable,
        "The requested representation is not available. Send 'Accept: application/json'.");

    public static BcErrorResult UnsupportedMediaType(ApiVersion version) => Make(version, StatusCodes.Status415UnsupportedMediaType,
        "The request body must be sent with 'Content-Type: application/json'.");

    public static BcErrorResult PayloadTooLarge(ApiVersion version) => Make(version, StatusCodes.Status413PayloadTooLarge,
        "The request payload is too large.");

    /// <summary>The URL (path and query) is longer than the service accepts; Kestrel's own 414 would have no body.</summary>
    public static BcErrorResult UriTooLong(ApiVersion version, int maxBytes) => Make(version, StatusCodes.Status414UriTooLong,
        $"The request URL is too long: at most {maxBytes} bytes of path and query are accepted.");

    /// <summary>The request's headers together are larger than the service accepts; Kestrel's own 431 would have no body.</summary>
    public static BcErrorResult RequestHeadersTooLarge(ApiVersion version, int maxBytes) => Make(version, StatusCodes.Status431RequestHeaderFieldsTooLarge,
        $"The request headers are too large: at most {maxBytes} bytes of headers are accepted.");

    /// <summary>
    /// A query parameter given more than once with different values (<c>limit=5&amp;limit=6</c>): there is no telling which
    /// one was meant. Repeats that agree are read as one before this is ever considered. V2 words it as an invalid field;
    /// V3 answers 400 too, not its validation 422, since it is the request that is ambiguous, not a value that is wrong.
    /// </summary>
    public static BcErrorResult ConflictingQueryParameters(ApiVersion version, IReadOnlyList<string> names)
    {
        var failures = names.Select(name => Failure.Invalid(name, $"{name} is given more than once with different values; send it once")).ToList();
        return version == ApiVersion.V3
            ? V3(StatusCodes.Status400BadRequest,
                $"The query parameter(s): {string.Join(", ", names)} are given more than once with different values.",
                failures.ToDictionary(f => f.Field, f => f.Reason!))
            : Validation(ApiVersion.V2, failures);
    }

    /// <summary>A spent quota: the store's (BigCommerce's) or the client address's (ours); the caller adds the retry headers.</summary>
    public static BcErrorResult TooManyRequests(ApiVersion version) => TooManyRequestsAnswers[(int)version];

    public static BcErrorResult MalformedJson(ApiVersion version) => Make(version, StatusCodes.Status400BadRequest,
        "The request body is not valid JSON.");

    /// <summary>A body the endpoint needs is missing; <paramref name="takes"/> says what it is (<c>a JSON object</c>, <c>a JSON array</c>).</summary>
    public static BcErrorResult EmptyBody(ApiVersion version, string takes) => Make(version, StatusCodes.Status400BadRequest,
        $"The request body is empty; {takes} is required.");

    public static BcErrorResult BadRequest(ApiVersion version) => Make(version, StatusCodes.Status400BadRequest,
        "The request is invalid.");

    /// <summary>Any other status the framework set without a body, kept as it is.</summary>
    public static BcErrorResult ForStatus(ApiVersion version, int status) => Make(version, status,
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "The request failed.");

    /// <summary>
    /// The database could not serve the request now (no free connection in time, unreachable, busy): nothing was
    /// written and the same request may be sent again after <c>Retry-After</c> [inferred: BigCommerce documents 503 as
    /// "the service is temporarily unavailable", without a body].
    /// </summary>
    public static BcErrorResult Unavailable(ApiVersion version) => Make(version, StatusCodes.Status503ServiceUnavailable,
        "The service is busy and could not take the request now; nothing was written. Retry after the Retry-After seconds.")
        .RetryAfter(seconds: 1);

    /// <summary>
    /// A row the request read was changed or deleted by another request before this one could write it, a race no
    /// handler answered more precisely (those answer 404, 409 or 422 themselves): nothing was written.
    /// </summary>
    public static BcErrorResult ChangedMeanwhile(ApiVersion version) => Make(version, StatusCodes.Status409Conflict,
        "Another request changed or deleted this resource while the request ran; nothing was written. Read it again and retry.");

    public static BcErrorResult Unexpected(ApiVersion version) => Make(version, StatusCodes.Status500InternalServerError,
        "An unexpected error occurred. The request was not applied.");

    // The four answers below are given only when a fault rule of the admin API asks for them. 500 and 503: [spec]
    // status-codes.mdx ("When an error has occurred within the API.", "When the store is marked as 'Down for
    // Maintenance,' or the store is being upgraded to a new version."). 502 and 504 are not in BigCommerce's table: what
    // a gateway in front of the store answers [inferred].
    public static BcErrorResult InternalServerError(ApiVersion version) => Make(version, StatusCodes.Status500InternalServerError,
        "An error has occurred within the API.", "Internal Server Error");

    public static BcErrorResult BadGateway(ApiVersion version) => Make(version, StatusCodes.Status502BadGateway,
        "The gateway received no valid answer from the store's server. Retry the request.", "Bad Gateway");

    public static BcErrorResult DownForMaintenance(ApiVersion version) => Make(version, StatusCodes.Status503ServiceUnavailable,
        "The store is down for maintenance or being upgraded to a new version.", "Service Unavailable");

    public static BcErrorResult GatewayTimeout(ApiVersion version) => Make(version, StatusCodes.Status504GatewayTimeout,
        "The store's server did not answer the gateway in time. Retry the request.", "Gateway Timeout");

    /// <summary>A field of the wrong type or shape; <paramref name="field"/> is the wire path, e.g. <c>_authentication.password</c>.</summary>
    public static BcErrorResult InvalidField(ApiVersion version, string field, string reason) =>
        Validation(version, [Failure.Invalid(field, reason)]);

    // [observed] bigcommerce/docs: "the email address '…' is already in use" (storefront wording); status 409 per spec table.
    public static BcErrorResult DuplicateEmail(string email)
    {
        var text = $"The email address '{email}' is already in use by another customer.";
        return new(StatusCodes.Status409Conflict,
            new[] { new V2Error(StatusCodes.Status409Conflict, text, new Dictionary<string, string> { ["conflict_reason"] = text }) });
    }

    /// <summary>A V2 customer group name is unique in the store (ignoring case); 409 like a duplicate email [inferred].</summary>
    public static BcErrorResult DuplicateGroupName(string name)
    {
        var text = $"A customer group named '{name}' already exists.";
        return new(StatusCodes.Status409Conflict,
            new[] { new V2Error(StatusCodes.Status409Conflict, text, new Dictionary<string, string> { ["conflict_reason"] = text }) });
    }

    /// <summary>[spec] "There can only be one customer group for guests at a time": a second one is refused, not moved.</summary>
    public static BcErrorResult GuestsGroupTaken(int existingId) => InvalidField(ApiVersion.V2, "is_group_for_guests",
        $"Customer group {existingId} is already the group for guests; there can only be one. Unset it there first.");

    /// <summary>A customer's <c>customer_group_id</c> must be 0 (no group) or a group of the same store [inferred, behaviour doc 3.6].</summary>
    public static BcErrorResult UnknownCustomerGroup(int groupId) => InvalidField(ApiVersion.V2, "customer_group_id",
        $"Customer group {groupId} does not exist in this store; use 0 for no group or the id of an existing group.");

    /// <summary>
    /// Validation failures. V2 lists one error each (status of the first). V3 is one 422 keyed by field path
    /// (<c>0.name</c> for item 0 of a batch); for query parameters its title names them, as BigCommerce does for an
    /// unknown filter ([observed] 2018 beta: "The filter(s): customer_id are not valid filter parameter(s).").
    /// </summary>
    public static BcErrorResult Validation(ApiVersion version, IReadOnlyList<Failure> failures, bool inQuery = false)
    {
        if (version == ApiVersion.V3 && failures.FirstOrDefault(f => f.Status == StatusCodes.Status413PayloadTooLarge) is { } tooLarge)
        {
            return V3(tooLarge.Status, tooLarge.Message, new Dictionary<string, string>());
        }

        if (version == ApiVersion.Admin)
        {
            var fields = new Dictionary<string, string>();
            foreach (var failure in failures)
            {
                fields.TryAdd(failure.Field, failure.Reason ?? failure.Message);
            }

            return new(StatusCodes.Status422UnprocessableEntity, new AdminError(StatusCodes.Status422UnprocessableEntity, "The request is invalid.", fields));
        }

        if (version == ApiVersion.V3)
        {
            var errors = new Dictionary<string, string>();
            foreach (var failure in failures.Where(f => !(inQuery && f.IsUnknownName)))
            {
                errors.TryAdd(failure.Field, failure.Reason ?? failure.Message);
            }

            var title = inQuery
                ? $"The filter(s): {string.Join(", ", failures.Select(f => f.Field).Distinct())} are not valid filter parameter(s)."
                : "JSON data is missing or invalid"; // [observed] vercel/commerce#635, a V3 422 for a field of the wrong type
            return V3(StatusCodes.Status422UnprocessableEntity, title, errors);
        }

        var status = failures[0].Status;
        return new(status, failures.Select(f => new V2Error(f.Status, f.Message,
            f.Reason is null ? null : new Dictionary<string, string> { ["invalid_reason"] = f.Reason })).ToArray());
    }

    /// <summary>A V3 batch with more items (or customers) than one call may carry [spec: "Limit of 10 customers per call"].</summary>
    public static BcErrorResult BatchTooLarge(int maximum, string items) =>
        V3(StatusCodes.Status413PayloadTooLarge, Failure.BatchTooLarge(maximum, items).Message, new Dictionary<string, string>());

    /// <summary>
    /// A V3 batch refused for what the store holds (a taken email, a customer, group or attribute that does not exist),
    /// keyed by item and field. Titles: [spec] "Create customers failed." (its 422 example); the others in its words
    /// [inferred]. The taken-email text is [observed] (V3 doc 1.3): "Error creating customers: email … already in use".
    /// </summary>
    public static BcErrorResult BatchFailed(string title, IReadOnlyList<Failure> failures)
    {
        var errors = new Dictionary<string, string>();
        foreach (var failure in failures)
        {
            errors.TryAdd(failure.Field, failure.Reason ?? failure.Message);
        }

        return V3(StatusCodes.Status422UnprocessableEntity, title, errors);
    }

    public static BcErrorResult CustomerBatchFailed(bool creating, IReadOnlyList<Failure> failures) =>
        BatchFailed(creating ? "Create customers failed." : "Update customers failed.", failures);

    public static BcErrorResult AddressBatchFailed(bool creating, IReadOnlyList<Failure> failures) =>
        BatchFailed(creating ? "Create customer addresses failed." : "Update customer addresses failed.", failures);

    /// <summary>[observed] V3 doc 1.3, matched by clients with <c>includes('already in use')</c>: keep the wording.</summary>
    public static Failure EmailInUse(bool creating, string email) =>
        Failure.Invalid("email", $"Error {(creating ? "creating" : "updating")} customers: email {email} already in use");

    /// <summary>[spec] "A store cannot have more than 50 customer attributes."; the 422 is our reading.</summary>
    public static BcErrorResult TooManyAttributes(int maximum, int existing) => V3(StatusCodes.Status422UnprocessableEntity,
        $"A store cannot have more than {maximum} customer attributes.",
        new Dictionary<string, string> { ["body"] = $"The store has {existing} customer attributes; this request would exceed {maximum}." });

    /// <summary>
    /// A metafield write a single route refuses for what the store holds: 403 (another client's metafield it may not
    /// change), 409 (its namespace and key taken, spec), 422 (the customer's limit). Worded as the batch's item errors.
    /// </summary>
    public static BcErrorResult MetafieldRefused(int status, string reason) => V3(status, reason, new Dictionary<string, string>());

    /// <summary>
    /// One failed item of a metafield batch, an entry of its answer's <c>errors</c> keyed by the item's place (or, for a
    /// delete, its id) [spec: Error, ErrorDetail; title as its example].
    /// </summary>
    public static V3Error MetafieldItemFailed(string key, string reason) =>
        new(StatusCodes.Status422UnprocessableEntity, "Bulk operation has failed", V3Type, new Dictionary<string, string> { [key] = reason });

    /// <summary>One answer per <see cref="ApiVersion"/>, indexed by it, each with its body serialized once.</summary>
    private static BcErrorResult[] Frozen(Func<ApiVersion, BcErrorResult> make) =>
        [make(ApiVersion.V2).Frozen(), make(ApiVersion.V3).Frozen(), make(ApiVersion.Admin).Frozen()];

    private static BcErrorResult V3(int status, string title, IReadOnlyDictionary<string, string> errors) =>
        new(status, new V3Error(status, title, V3Type, errors));

    private static BcErrorResult Make(ApiVersion version, int status, string v2Message, string? v3Title = null) => version switch
    {
        ApiVersion.V3 => V3(status, v3Title ?? v2Message, new Dictionary<string, string>()),
        ApiVersion.Admin => new(status, new AdminError(status, v3Title ?? v2Message, new Dictionary<string, string>())),
        _ => new(status, new[] { new V2Error(status, v2Message) }),
    };

    public static BcErrorResult AdminUnauthorized() => new(StatusCodes.Status401Unauthorized,
        new AdminError(StatusCodes.Status401Unauthorized, "The X-Admin-Key header is missing or is not the admin key.", new Dictionary<string, string>()));

    /// <summary>An admin API error naming what is wrong with which field.</summary>
    public static BcErrorResult AdminInvalid(string field, string reason) => Validation(ApiVersion.Admin, [Failure.Invalid(field, reason)]);

    public static BcErrorResult AdminConflict(string title) => new(StatusCodes.Status409Conflict,
        new AdminError(StatusCodes.Status409Conflict, title, new Dictionary<string, string>()));
}

/// <summary>One validation failure, worded for V2 (<see cref="Message"/>) with the reason kept for V3 and V2 details.</summary>
public sealed record Failure(string Field, string Message, string? Reason, int Status = StatusCodes.Status400BadRequest)
{
    /// <summary>The field or filter name itself is unknown (rather than its value being wrong).</summary>
    public bool IsUnknownName { get; init; }

    /// <summary>The same failure about item <paramref name="index"/> of a batch: field <c>0.name</c>.</summary>
    public Failure AtItem(int index) => this with { Field = $"{index}.{Field}" };

    // Classic V2 wording [inferred], confirmed for 'is invalid' in bigcommerce/api#61.
    public static Failure Required(string field) => new(field, $"The required field '{field}' was not supplied.", $"{field} is required");

    public static Failure Invalid(string field, string reason) => new(field, $"The field '{field}' is invalid.", reason);

    // [observed] bigcommerce-api-python#82, for body fields and list filters alike.
    public static Failure NotSupported(string field) =>
        new(field, $"The field '{field}' is not supported by this resource.", $"{field} is not a valid field") { IsUnknownName = true };

    /// <summary>
    /// A V3 batch with more items (or customers) than one call may carry [spec: "Limit of 10 customers per call"]; the
    /// text is the spec's for /customers: "The request payload is too large. The maximum number of items allowed in the array is 10."
    /// </summary>
    public static Failure BatchTooLarge(int maximum, string items) => new("body",
        $"The request payload is too large. The maximum number of {items} allowed in the array is {maximum}.",
        $"at most {maximum} {items} in one call", StatusCodes.Status413PayloadTooLarge);

    // Status 413 for a limit over the maximum: BigCommerce's status-code table.
    public static Failure LimitTooLarge(int maximum) => new("limit",
        $"The limit parameter exceeded the maximum of {maximum}.", $"limit must be at most {maximum}", StatusCodes.Status413PayloadTooLarge);
}
