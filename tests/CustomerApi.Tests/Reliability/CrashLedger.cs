using System.Globalization;
using System.Text.Json;

namespace CustomerApi.Tests.Reliability;

/// <summary>What became of one write: answered with success, answered with a refusal, or no answer (in flight at the kill).</summary>
public enum WriteOutcome { Acked, Refused, Unknown }

/// <summary>Every field of a V2 customer the load writes, as it must read back.</summary>
public sealed record CustomerFields(
    string FirstName, string LastName, string Email, string Company, string Phone, string Notes, string TaxExemptCategory,
    string RegistrationIpAddress, decimal StoreCredit, int CustomerGroupId, bool ResetPassOnLogin)
{
    public static CustomerFields Read(JsonElement customer) => new(
        Text(customer, "first_name"), Text(customer, "last_name"), Text(customer, "email"), Text(customer, "company"),
        Text(customer, "phone"), Text(customer, "notes"), Text(customer, "tax_exempt_category"), Text(customer, "registration_ip_address"),
        decimal.Parse(Text(customer, "store_credit"), CultureInfo.InvariantCulture), customer.GetProperty("customer_group_id").GetInt32(),
        customer.GetProperty("reset_pass_on_login").GetBoolean());

    public Dictionary<string, object> CreateBody(string? password)
    {
        var body = new Dictionary<string, object>
        {
            ["first_name"] = FirstName, ["last_name"] = LastName, ["email"] = Email, ["company"] = Company, ["phone"] = Phone,
            ["notes"] = Notes, ["tax_exempt_category"] = TaxExemptCategory, ["registration_ip_address"] = RegistrationIpAddress,
            ["store_credit"] = StoreCredit, ["customer_group_id"] = CustomerGroupId, ["reset_pass_on_login"] = ResetPassOnLogin,
        };
        if (password is not null)
        {
            body["_authentication"] = new { password, password_confirmation = password };
        }

        return body;
    }

    /// <summary>What an update changes; the rest stays as created.</summary>
    public CustomerFields Updated(int update) => this with
    {
        Company = $"Company u{update}", Phone = $"555-{update:0000}", Notes = $"notes of update u{update}", StoreCredit = update + 0.25m,
    };

    public object UpdateBody() => new { company = Company, phone = Phone, notes = Notes, store_credit = StoreCredit };

    private static string Text(JsonElement customer, string field) => customer.GetProperty(field).GetString()!;
}

/// <summary>One batch upsert of one customer's ten values, every value <see cref="Marker"/>.</summary>
public sealed record BatchWrite(string Marker, WriteOutcome Outcome, int[] AnsweredIds);

/// <summary>One customer the load created, and every later write to it, in the order they were sent (one at a time).</summary>
public sealed class CustomerHistory(CustomerFields created, string? password)
{
    public CustomerFields Created { get; } = created;
    public string? Password { get; } = password;
    public WriteOutcome CreateOutcome { get; set; } = WriteOutcome.Unknown;
    public int Id { get; set; }
    public List<(CustomerFields Fields, WriteOutcome Outcome)> Updates { get; } = [];
    public List<BatchWrite> Batches { get; } = [];

    /// <summary>
    /// The states the customer may be in now: as of its last acknowledged write, or of a write sent after it that got
    /// no answer. Writes to one customer go one at a time, so at most one is unanswered and it is the last.
    /// </summary>
    public IEnumerable<CustomerFields> AllowedFields()
    {
        yield return Updates.Where(u => u.Outcome == WriteOutcome.Acked).Select(u => u.Fields).LastOrDefault() ?? Created;
        if (Updates.Count > 0 && Updates[^1].Outcome == WriteOutcome.Unknown)
        {
            yield return Updates[^1].Fields;
        }
    }

    /// <summary>The markers the customer's ten values may carry now (null: no values), by the same rule.</summary>
    public IEnumerable<string?> AllowedMarkers()
    {
        yield return Batches.LastOrDefault(b => b.Outcome == WriteOutcome.Acked)?.Marker;
        if (Batches.Count > 0 && Batches[^1].Outcome == WriteOutcome.Unknown)
        {
            yield return Batches[^1].Marker;
        }
    }
}
