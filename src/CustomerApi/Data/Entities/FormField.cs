namespace CustomerApi.Data.Entities;

/// <summary>
/// A custom field of a store's account sign-up form (for customers) or address form: BigCommerce's control panel
/// defines them and no public API does; here configuration does (StoreBootstrapper).
/// </summary>
public sealed class FormField
{
    public const int NameLength = 255;

    /// <summary>[inferred] Enough for any real sign-up form; keeps what every customer answer lists bounded.</summary>
    public const int MaxPerStore = 50;

    public int StoreId { get; set; }
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>One of <see cref="FormFieldTypes.All"/>.</summary>
    public required string Type { get; set; }

    /// <summary><see cref="FormFieldOwners.Customer"/> or <see cref="FormFieldOwners.Address"/>.</summary>
    public required string For { get; set; }

    public bool Required { get; set; }

    /// <summary>The choices of a checkboxes, radio buttons or pick list field; empty for the others.</summary>
    public string[] Options { get; set; } = [];
}

/// <summary>The field types of BigCommerce's form builder, as <c>field_type</c> names them (spec: form-field-values).</summary>
public static class FormFieldTypes
{
    public const string Text = "text";
    public const string Multiline = "multiline";
    public const string Numbers = "numbers";
    public const string Date = "date";
    public const string Checkboxes = "checkboxes";
    public const string RadioButtons = "radiobuttons";
    public const string Picklist = "picklist";
    public const string Password = "password";

    public static readonly IReadOnlyList<string> All = [Checkboxes, Date, Multiline, Numbers, Password, RadioButtons, Text, Picklist];

    public static bool HasOptions(string type) => type is Checkboxes or RadioButtons or Picklist;
}

public static class FormFieldOwners
{
    public const string Customer = "customer";
    public const string Address = "address";
}
