using CustomerApi.Data.Entities;

namespace CustomerApi.Features.V3.FormFieldValues;

/// <summary>One form field of a store, as requests check values against it.</summary>
public sealed record FormFieldDefinition(int Id, string Name, string Type, string For, bool Required, IReadOnlyList<string> Options);

/// <summary>
/// A store's form fields, loaded with its tokens (StoreDirectory) and cached as long: every request that reads or writes
/// form field values has them without a statement of its own. Names are matched ignoring case and answered as defined.
/// </summary>
public sealed class StoreFormFields
{
    public static readonly StoreFormFields None = new([]);

    private readonly Dictionary<string, FormFieldDefinition> _customerByName;
    private readonly Dictionary<string, FormFieldDefinition> _addressByName;
    private readonly Dictionary<int, FormFieldDefinition> _byId;

    public StoreFormFields(IEnumerable<FormFieldDefinition> fields)
    {
        var all = fields.OrderBy(f => f.Id).ToList();
        Customer = all.Where(f => f.For == FormFieldOwners.Customer).ToList();
        Address = all.Where(f => f.For == FormFieldOwners.Address).ToList();
        _customerByName = Customer.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _addressByName = Address.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _byId = all.ToDictionary(f => f.Id);
    }

    /// <summary>The sign-up form's fields, in the order they were defined.</summary>
    public IReadOnlyList<FormFieldDefinition> Customer { get; }

    /// <summary>The address form's fields, in the order they were defined.</summary>
    public IReadOnlyList<FormFieldDefinition> Address { get; }

    public IReadOnlyList<FormFieldDefinition> Of(string owner) => owner == FormFieldOwners.Customer ? Customer : Address;

    public FormFieldDefinition? Find(string owner, string name) =>
        (owner == FormFieldOwners.Customer ? _customerByName : _addressByName).GetValueOrDefault(name.Trim());

    public FormFieldDefinition ById(int id) => _byId[id];
}
