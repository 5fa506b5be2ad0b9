using System.Globalization;
using System.Text.Json;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.Customers;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Services;
using FluentValidation;

namespace CustomerApi.Features.V3.FormFieldValues;

/// <summary>A value to write: its field and its JSON, or null to clear the field.</summary>
public sealed record PendingValue(FormFieldDefinition Field, string? Json);

/// <summary>
/// What a form field accepts, by type [inferred: BigCommerce documents the types, not their API rules]. text, multiline,
/// password: text. numbers: a number, or text that is one (kept as a number). date: <c>YYYY-MM-DD</c>. radiobuttons,
/// picklist: one of the options. checkboxes: a list of options, each once. Matching options ignores case; the value
/// is kept as the option is spelled. An empty value (<c>""</c>, or <c>[]</c> for checkboxes) clears the field, except a
/// required one, which a value may change but not empty; leaving a required field out is allowed, as BigCommerce's
/// control panel and imports allow [inferred]. A password value is hashed, and always answered <c>""</c>.
/// </summary>
public static class FormFieldRules
{
    public const int TextLength = 255;
    public const int MultilineLength = 4000;

    private static readonly JsonElement EmptyText = JsonElement.Parse("\"\"");
    private static readonly JsonElement EmptyList = JsonElement.Parse("[]");

    /// <summary>A list of <c>{"name", "value"}</c> is well formed (the validator): objects, both keys, values of the spec's kinds.</summary>
    public static void WellFormed<T>(List<FormFieldV3?>? fields, ValidationContext<T> context)
    {
        if (fields?.Count > FormField.MaxPerStore)
        {
            var tooMany = Failure.Invalid("form_fields", $"form_fields may list at most {FormField.MaxPerStore} fields, as many as a store can define");
            context.AddFailure(new FluentValidation.Results.ValidationFailure(tooMany.Field, tooMany.Message) { CustomState = tooMany });
            return;
        }

        for (var index = 0; index < (fields?.Count ?? 0); index++)
        {
            var failure = fields![index] switch
            {
                null => Failure.Invalid($"form_fields.{index}", "Each form field must be a JSON object."),
                { Name: null } => Failure.Required($"form_fields.{index}.name"),
                { Value: null } => Failure.Required($"form_fields.{index}.value"),
                { Value: { } value } when !IsValueKind(value) =>
                    Failure.Invalid($"form_fields.{index}.value", "value must be text, a number or a list of texts"),
                _ => null,
            };
            if (failure is not null)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(failure.Field, failure.Message) { CustomState = failure });
            }
        }
    }

    public static bool IsValueKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Number => true,
        JsonValueKind.Array => value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String),
        _ => false,
    };

    /// <summary>
    /// The values a well-formed list sets on one <paramref name="owner"/> (customer or address), each checked against
    /// the store's field of that name; what fails goes to <paramref name="failures"/> under <paramref name="prefix"/>
    /// (e.g. <c>addresses.0.</c>). Passwords are hashed here, before the caller takes any lock.
    /// </summary>
    public static List<PendingValue> Resolve(
        IReadOnlyList<FormFieldV3?>? inputs, string owner, StoreFormFields fields, PasswordService passwords, string prefix, List<Failure> failures)
    {
        var pending = new List<PendingValue>();
        for (var j = 0; j < (inputs?.Count ?? 0); j++)
        {
            var input = inputs![j]!;
            if (fields.Find(owner, input.Name!) is not { } field)
            {
                failures.Add(Failure.Invalid($"{prefix}form_fields.{j}.name", $"This store defines no {owner} form field named '{input.Name}'."));
            }
            else if (pending.Any(p => p.Field.Id == field.Id))
            {
                failures.Add(Failure.Invalid($"{prefix}form_fields.{j}.name", $"The form field '{field.Name}' is given more than once."));
            }
            else if (Check(field, input.Value!.Value, passwords, out var json) is { } reason)
            {
                failures.Add(Failure.Invalid($"{prefix}form_fields.{j}.value", reason));
            }
            else
            {
                pending.Add(new PendingValue(field, json));
            }
        }

        return pending;
    }

    /// <returns>Why the value does not fit the field, or null with the JSON to keep (null JSON: clear the field).</returns>
    public static string? Check(FormFieldDefinition field, JsonElement value, PasswordService passwords, out string? json)
    {
        json = null;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text?.Length == 0 || value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
        {
            return field.Required ? $"'{field.Name}' is required: it may be changed but not emptied." : null;
        }

        (string? Reason, string? Json) result = field.Type switch
        {
            FormFieldTypes.Text or FormFieldTypes.Password => text is null || text.Length > TextLength
                ? ($"'{field.Name}' takes text of at most {TextLength} characters.", null)
                : (null, field.Type == FormFieldTypes.Password ? Json(passwords.Hash(text)) : Json(text)),
            FormFieldTypes.Multiline => text is null || text.Length > MultilineLength
                ? ($"'{field.Name}' takes text of at most {MultilineLength} characters.", null)
                : (null, Json(text)),
            FormFieldTypes.Numbers => Number(value, text) is { } number ? (null, number) : ($"'{field.Name}' takes a number.", null),
            FormFieldTypes.Date => text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (null, Json(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                : ($"'{field.Name}' takes a date as YYYY-MM-DD, e.g. 2024-05-14.", null),
            FormFieldTypes.Checkboxes => Choices(field, value) is { } choices
                ? (null, JsonSerializer.Serialize(choices))
                : ($"'{field.Name}' takes a list of its options, each once: {string.Join(", ", field.Options)}.", null),
            _ => text is not null && Option(field, text) is { } option
                ? (null, Json(option))
                : ($"'{field.Name}' takes one of its options: {string.Join(", ", field.Options)}.", null),
        };
        json = result.Json;
        return result.Reason;
    }

    /// <summary>A stored value as answers show it; a field with no value shows empty, a password field always.</summary>
    public static JsonElement Answer(string type, string? json) =>
        json is null || type == FormFieldTypes.Password ? (type == FormFieldTypes.Checkboxes ? EmptyList : EmptyText) : JsonElement.Parse(json);

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static string? Number(JsonElement value, string? text) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number.ToString(CultureInfo.InvariantCulture)
        : text is not null && decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            ? number.ToString(CultureInfo.InvariantCulture)
        : null;

    private static string? Option(FormFieldDefinition field, string text) =>
        field.Options.FirstOrDefault(o => o.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static List<string>? Choices(FormFieldDefinition field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var chosen = value.EnumerateArray().Select(v => v.GetString() is { } text ? Option(field, text) : null).ToList();
        return chosen.All(c => c is not null) && chosen.Distinct().Count() == chosen.Count ? chosen.Select(c => c!).ToList() : null;
    }
}
