using CustomerApi.Features.Admin.Requests;
using System.Text.Json.Nodes;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.Customers;
using CustomerApi.Features.V3.Metafields;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.Querying;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerApi.Infrastructure.OpenApi;

/// <summary>
/// Types and describes the query parameters by their wire names, one meaning per name across the API. They bind as
/// text (so a bad value is reported by name in BigCommerce's body), but the document says what the text must hold.
/// </summary>
public sealed class QueryParameters : IOpenApiOperationTransformer
{
    private const string DateText = "RFC 2822 (Tue, 13 Nov 2012 21:16:41 +0000), ISO 8601 or UNIX seconds; no offset means UTC, a bare date its midnight.";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var version = context.StoreApi()?.Version ?? (context.IsAdminApi() ? ApiVersion.Admin : ApiVersion.V2);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            if (Describe(parameter.Name!, version) is var (schema, description))
            {
                parameter.Schema = schema;
                parameter.Description = description;
            }
        }

        return Task.CompletedTask;
    }

    private static (OpenApiSchema Schema, string Description)? Describe(string name, ApiVersion version) => name switch
    {
        "page" => (Integer(minimum: 1, byDefault: 1), "The page to answer, from 1."),
        "limit" when version == ApiVersion.Admin => (Integer(minimum: 1, byDefault: RequestLog.DefaultLimit),
            $"How many of the newest to answer, 1 to the log's size ({RequestLog.SizeSetting}, {RequestLog.DefaultSize} by default)."),
        "limit" => (Integer(minimum: 1, byDefault: Paging.DefaultLimit, maximum: version == ApiVersion.V2 ? Paging.MaxLimit : null),
            version == ApiVersion.V2
                ? $"Items per page, at most {Paging.MaxLimit} (more is 413)."
                : $"Items per page; more than {Paging.MaxLimit} is read as {Paging.MaxLimit}."),
        "min_id" or "max_id" => (Integer(minimum: null), "Only ids from (min_id) or up to (max_id) this one, inclusive."),
        "customer_group_id" => (Integer(minimum: 0), "Only customers of this group (0: of none)."),
        "email" => (Text(), "Only this email, ignoring case."),
        "store_credit" => (Text(pattern: @"^-?\d+(\.\d+)?$"), "Only this exact amount of store credit."),
        "name" => (Text(), "Only this name, ignoring case."),
        "name:like" => (Text(), "Only names containing this text, ignoring case; on customers (first and last name together) a comma list matches any of its texts."),
        "email:in" => (Text(), "Only these emails, a comma-separated list, each ignoring case and surrounding spaces."),
        "name:in" => (Text(), "Only these names (first and last together, \"Jane Doe\"), a comma-separated list, ignoring case."),
        "company:in" or "phone:in" or "registration_ip_address:in" =>
            (Text(), $"Only these exact values of {name[..^3].Replace('_', ' ')}, a comma-separated list (at most {IdList.MaxCount})."),
        "customer_group_id:in" => (Text(pattern: @"^\d+(,\d+)*$"), "Only customers of these groups, a comma-separated list of ids (0: of none)."),
        "include" => (Text(), $"Sub-resources to add to each customer, a comma-separated list of: {string.Join(", ", CustomerIncludes.Names)}."),
        "sort" => (Text(enumeration: CustomerOrder.Names), "The order of the list; ties go by id. Without it, by id ascending."),
        "after" => (Text(), "A cursor (meta.cursor_pagination.end_cursor): the rows after it. Not with before; page is then ignored."),
        "before" => (Text(), "A cursor (meta.cursor_pagination.start_cursor): the rows before it. Not with after; page is then ignored."),
        "type" => (Text(enumeration: AttributeTypes.All), "Only attributes of this type."),
        "customer_id" => (Integer(minimum: 1), "Only this customer's values."),
        "address_id" => (Integer(minimum: 1), "Only this address's values."),
        "field_name" => (Text(), "Only values of the form field of this name, ignoring case."),
        "field_type" => (Text(enumeration: FormFieldTypes.All), "Only values of form fields of this type."),
        "is_default" or "is_group_for_guests" => (Text(enumeration: ["true", "false", "1", "0"]), "Only groups that are (true) or are not (false) this."),
        "key" or "namespace" => (Text(), $"Only metafields of this {name}, exactly; with {name}:in, of either."),
        "key:in" or "namespace:in" => (Text(), $"Only metafields of these {name[..^3]}s, exactly, a comma-separated list (at most {IdList.MaxCount})."),
        "direction" => (Text(enumeration: ["asc", "desc"]), "The order of the list by id: asc (the default) or desc."),
        "include_fields" => (Text(), $"Only these fields of each metafield besides id, a comma-separated list of: {string.Join(", ", MetafieldFilterV3.Fields)}."),
        "id:in" or "customer_id:in" or "attribute_id:in" => (Text(pattern: @"^\d+(,\d+)*$"),
            $"A comma-separated list of ids (at most {IdList.MaxCount})."),
        _ when name.StartsWith("min_date_", StringComparison.Ordinal) || name.EndsWith(":min", StringComparison.Ordinal) =>
            (Text(), $"From this date, inclusive: {DateText}"),
        _ when name.StartsWith("max_date_", StringComparison.Ordinal) || name.EndsWith(":max", StringComparison.Ordinal) =>
            (Text(), $"Up to this date, inclusive: {DateText}"),
        _ when name.StartsWith("date_", StringComparison.Ordinal) =>
            (Text(), $"On this date: a bare date matches its whole day, a time its second. {DateText}"),
        _ => (Text(), $"Only this exact {name.Replace('_', ' ')}."),
    };

    private static OpenApiSchema Integer(int? minimum, int? byDefault = null, int? maximum = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Minimum = minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = byDefault is { } value ? JsonValue.Create(value) : null,
    };

    private static OpenApiSchema Text(string? pattern = null, IEnumerable<string>? enumeration = null) => new()
    {
        Type = JsonSchemaType.String,
        Pattern = pattern,
        Enum = enumeration?.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };
}
