using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;

namespace CustomerApi.Features.V2.Customers;

/// <summary>
/// The hottest V2 reads on PostgreSQL (one customer, an unfiltered page, the email lookup, the count) straight through
/// Npgsql: the same SQL EF's compiled queries send, with positional parameters that Npgsql need not parse, read column
/// by column into the wire shape. EF's per-call work (a pooled DbContext, query cache, shaper, enumerator, execution
/// strategy) was a sixth of a GET's CPU. The columns are <see cref="CustomerMapping.Projection"/>'s, in its order.
/// </summary>
internal static class PostgresCustomerReads
{
    private const string Columns = "id, company, first_name, last_name, email, phone, date_created, date_modified, store_credit, "
        + "registration_ip_address, customer_group_id, notes, tax_exempt_category, reset_pass_on_login, accepts_marketing";

    private const string ById = $"SELECT {Columns} FROM customers WHERE store_id = $1 AND id = $2";
    private const string Count = "SELECT COALESCE(SUM(count), 0)::int FROM customer_count_shards WHERE store_id = $1";

    /// <summary>
    /// A page's LIMIT and OFFSET are written into its text, not sent as parameters: with them unknown PostgreSQL's
    /// generic plan looks dearer than a planned one and it plans the statement again at every run, weighing each of the
    /// table's eleven indexes, which doubled its work for a page of 50. As constants the plan is made once per
    /// connection for each (limit, offset) in use; a page past the first thousand rows finds its ids from the primary
    /// key alone and only then reads those rows (see CustomerQueries).
    /// </summary>
    private static string PageSql(string? emailKey, int offset, int limit, bool deep) => deep && emailKey is null
        ? string.Create(CultureInfo.InvariantCulture,
            $"SELECT {Columns} FROM customers WHERE store_id = $1 AND id IN (SELECT id FROM customers WHERE store_id = $1 ORDER BY id LIMIT {limit} OFFSET {offset}) ORDER BY id")
        : string.Create(CultureInfo.InvariantCulture,
            $"SELECT {Columns} FROM customers WHERE store_id = $1{(emailKey is null ? "" : " AND email_key = $2")} ORDER BY id LIMIT {limit} OFFSET {offset}");

    public static async Task<CustomerV2?> ByIdAsync(NpgsqlDataSource postgres, int storeId, int customerId, CancellationToken ct)
    {
        await using var command = Command(postgres, ById, storeId, customerId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>The store's customers by id (only those with <paramref name="emailKey"/> unless it is null), as they are read.</summary>
    public static async IAsyncEnumerable<CustomerV2> PageAsync(
        NpgsqlDataSource postgres, int storeId, string? emailKey, int offset, int limit, bool deep, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = Command(postgres, PageSql(emailKey, offset, limit, deep), storeId);
        if (emailKey is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = emailKey });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return Read(reader);
        }
    }

    /// <summary>The store's count: the sum of the shares the database keeps (CustomerCountShard).</summary>
    public static async Task<int> CountAsync(NpgsqlDataSource postgres, int storeId, CancellationToken ct)
    {
        await using var command = Command(postgres, Count, storeId);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>A command on a connection of its own from the pool, returned to it when the command is disposed.</summary>
    private static NpgsqlCommand Command(NpgsqlDataSource postgres, string sql, params ReadOnlySpan<int> values)
    {
        var command = postgres.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = value });
        }

        return command;
    }

    private static CustomerV2 Read(NpgsqlDataReader row) => new()
    {
        Id = row.GetInt32(0),
        Company = row.GetString(1),
        FirstName = row.GetString(2),
        LastName = row.GetString(3),
        Email = row.GetString(4),
        Phone = row.GetString(5),
        FormFields = null,
        DateCreated = row.GetDateTime(6),
        DateModified = row.GetDateTime(7),
        StoreCredit = row.GetDecimal(8),
        RegistrationIpAddress = row.GetString(9),
        CustomerGroupId = row.GetInt32(10),
        Notes = row.GetString(11),
        TaxExemptCategory = row.GetString(12),
        ResetPassOnLogin = row.GetBoolean(13),
        AcceptsMarketing = row.GetBoolean(14),
    };
}
