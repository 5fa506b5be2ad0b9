namespace CustomerApi.Tests.Reliability;

/// <summary>What a body field holds, which decides the hostile values it is given.</summary>
public enum FieldKind
{
    /// <summary>Free text: anything is accepted up to <see cref="BodyField.MaxLength"/> characters.</summary>
    Text,
    Email,
    /// <summary>One of a few words (address_type, an attribute's type, a country, ...).</summary>
    Word,
    /// <summary>A new password: at least 7 characters with a letter and a digit.</summary>
    NewPassword,
    /// <summary>The password the validate endpoint checks: any text is a fair question.</summary>
    AnyPassword,
    Id,
    Money,
    Percent,
    Bool,
    /// <summary>Text that must read as a number (the value of a number attribute).</summary>
    NumberText,
}

/// <summary>A field of a route's body; <see cref="Path"/> is dotted (<c>_authentication.password</c>, <c>discount_rules.0.amount</c>).</summary>
public sealed record BodyField(string Path, FieldKind Kind, int MaxLength = 0);

/// <summary>
/// A route of the API on the victim store, with a body that would succeed (for the routes that take one) and the
/// fields of that body. Paths are relative to <c>/stores/{hash}/</c>; the victim store holds customer 1 with address 1,
/// group 1, attribute 1 (number) and its value 1, so every id here exists.
/// </summary>
public sealed record HostileRoute(string Method, string Path, string? Body = null, params BodyField[] Fields)
{
    public bool IsV3 => Path.StartsWith("v3/", StringComparison.Ordinal);

    public bool TakesBody => Body is not null;
}

public static class HostileRoutes
{
    private const string Customer =
        """{"first_name":"Hostile","last_name":"Probe","email":"probe@example.com","company":"Acme","phone":"555","notes":"n","tax_exempt_category":"G","registration_ip_address":"10.0.0.1","store_credit":"1.5","customer_group_id":1,"reset_pass_on_login":false,"_authentication":{"password":"Correct1horse","password_confirmation":"Correct1horse","force_reset":false}}""";

    private const string Address =
        """{"first_name":"Ada","last_name":"Probe","company":"Acme","street_1":"1 Main St","street_2":"Unit 2","city":"Austin","state":"Texas","zip":"78757","country":"United States","phone":"555","address_type":"residential"}""";

    private const string Group =
        """{"name":"Probe group","is_default":false,"is_group_for_guests":false,"category_access":{"type":"specific","categories":[1,2]},"discount_rules":[{"type":"all","method":"percent","amount":"5"}]}""";

    private static readonly BodyField[] CustomerFields =
    [
        new("first_name", FieldKind.Text, 100), new("last_name", FieldKind.Text, 100), new("email", FieldKind.Email),
        new("company", FieldKind.Text, 255), new("phone", FieldKind.Text, 50), new("notes", FieldKind.Text, 65_535),
        new("tax_exempt_category", FieldKind.Text, 255), new("registration_ip_address", FieldKind.Text, 50),
        new("store_credit", FieldKind.Money), new("customer_group_id", FieldKind.Id), new("reset_pass_on_login", FieldKind.Bool),
        new("_authentication.password", FieldKind.NewPassword), new("_authentication.force_reset", FieldKind.Bool),
    ];

    private static readonly BodyField[] AddressFields =
    [
        new("first_name", FieldKind.Text, 255), new("last_name", FieldKind.Text, 255), new("company", FieldKind.Text, 255),
        new("street_1", FieldKind.Text, 255), new("street_2", FieldKind.Text, 255), new("city", FieldKind.Text, 100),
        new("state", FieldKind.Text, 100), new("zip", FieldKind.Text, 30), new("country", FieldKind.Word),
        new("phone", FieldKind.Text, 50), new("address_type", FieldKind.Word),
    ];

    private static readonly BodyField[] GroupFields =
    [
        new("name", FieldKind.Text, 255), new("is_default", FieldKind.Bool), new("is_group_for_guests", FieldKind.Bool),
        new("category_access.type", FieldKind.Word), new("category_access.categories.0", FieldKind.Id),
        new("discount_rules.0.type", FieldKind.Word), new("discount_rules.0.method", FieldKind.Word),
        new("discount_rules.0.amount", FieldKind.Percent),
    ];

    /// <summary>Every route the service has, each method once.</summary>
    public static readonly HostileRoute[] All =
    [
        new("GET", "v2/customers"),
        new("GET", "v2/customers/count"),
        new("POST", "v2/customers", Customer, CustomerFields),
        new("DELETE", "v2/customers"),
        new("GET", "v2/customers/1"),
        new("PUT", "v2/customers/1", Customer, CustomerFields),
        new("DELETE", "v2/customers/1"),
        new("POST", "v2/customers/1/validate", """{"password":"Correct1horse"}""", new BodyField("password", FieldKind.AnyPassword)),
        new("GET", "v2/customers/1/addresses"),
        new("GET", "v2/customers/1/addresses/count"),
        new("POST", "v2/customers/1/addresses", Address, AddressFields),
        new("DELETE", "v2/customers/1/addresses"),
        new("GET", "v2/customers/1/addresses/1"),
        new("PUT", "v2/customers/1/addresses/1", Address, AddressFields),
        new("DELETE", "v2/customers/1/addresses/1"),
        new("GET", "v2/customer_groups"),
        new("GET", "v2/customer_groups/count"),
        new("POST", "v2/customer_groups", Group, GroupFields),
        new("GET", "v2/customer_groups/1"),
        new("PUT", "v2/customer_groups/1", Group.Replace("Probe group", "Probe group 2", StringComparison.Ordinal), GroupFields),
        new("DELETE", "v2/customer_groups/1"),
        new("GET", "v3/customers/attributes"),
        new("POST", "v3/customers/attributes", """[{"name":"Probe","type":"string"}]""",
            new BodyField("0.name", FieldKind.Text, 255), new BodyField("0.type", FieldKind.Word)),
        new("PUT", "v3/customers/attributes", """[{"id":1,"name":"Probe renamed","type":"number"}]""",
            new BodyField("0.id", FieldKind.Id), new BodyField("0.name", FieldKind.Text, 255), new BodyField("0.type", FieldKind.Word)),
        new("DELETE", "v3/customers/attributes?id:in=1"),
        new("GET", "v3/customers/attribute-values"),
        new("PUT", "v3/customers/attribute-values", """[{"customer_id":1,"attribute_id":1,"value":"42"}]""",
            new BodyField("0.customer_id", FieldKind.Id), new BodyField("0.attribute_id", FieldKind.Id), new BodyField("0.value", FieldKind.NumberText)),
        new("DELETE", "v3/customers/attribute-values?id:in=1"),
        // PUT consent is not here: HostileBodies takes a V3 body for an array (its "{}" is a wrong shape to refuse, but it is
        // a good declaration of nothing). The consent tests judge its bodies; the isolation sweep aims it at the other store.
        new("GET", "v3/customers/1/consent"),
        new("GET", "v3/customers/1/stored-instruments"),
        new("GET", "v3/customers/settings"),
        new("GET", "v3/customers/settings/channels/1"),
        new("GET", "v3/customers/1/metafields"),
        new("GET", "v3/customers/metafields"),
    ];

    public static IEnumerable<HostileRoute> WithBodies => All.Where(r => r.TakesBody);
}
