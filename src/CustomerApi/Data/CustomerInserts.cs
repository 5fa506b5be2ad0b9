using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerApi.Data;

/// <summary>
/// Writes a new customer under the store's next id. On PostgreSQL that is one INSERT, with the id from the store's own
/// sequence (migration CustomerIdSequences) and a taken email left out by ON CONFLICT, so concurrent creates wait on
/// nothing of each other's and a refusal is no exception. An email already taken spends no id; one lost to a racing
/// create of the same email, or never committed, is a gap, as an auto-increment column leaves one. No id is handed
/// out twice. The store's count follows by trigger (CustomerCountShard). Inside a transaction the insert is part of it.
/// </summary>
public static class CustomerInserts
{
    /// <returns>False, with nothing written, when the email is already one of the store's customers'.</returns>
    public static async Task<bool> TryInsertAsync(CustomerDbContext db, Customer customer, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return await TryInsertWithEfAsync(db, customer, ct);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var insert = new NpgsqlCommand(PostgresInsert, (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
                Parameters =
                {
                    new NpgsqlParameter<int> { TypedValue = customer.StoreId },
                    new NpgsqlParameter<string> { TypedValue = customer.FirstName },
                    new NpgsqlParameter<string> { TypedValue = customer.LastName },
                    new NpgsqlParameter<string> { TypedValue = customer.Email },
                    new NpgsqlParameter<string> { TypedValue = customer.EmailKey },
                    new NpgsqlParameter<string> { TypedValue = customer.Company },
                    new NpgsqlParameter<string> { TypedValue = customer.Phone },
                    new NpgsqlParameter<string> { TypedValue = customer.Notes },
                    new NpgsqlParameter<string> { TypedValue = customer.TaxExemptCategory },
                    new NpgsqlParameter<string> { TypedValue = customer.RegistrationIpAddress },
                    new NpgsqlParameter<decimal> { TypedValue = customer.StoreCredit },
                    new NpgsqlParameter<int> { TypedValue = customer.CustomerGroupId },
                    new NpgsqlParameter<bool> { TypedValue = customer.AcceptsMarketing },
                    new NpgsqlParameter<bool> { TypedValue = customer.ResetPassOnLogin },
                    new NpgsqlParameter { Value = (object?)customer.PasswordHash ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                    new NpgsqlParameter<DateTime> { TypedValue = DateTime.SpecifyKind(customer.DateCreated, DateTimeKind.Utc) },
                    new NpgsqlParameter<DateTime> { TypedValue = DateTime.SpecifyKind(customer.DateModified, DateTimeKind.Utc) },
                },
            };
            if (await insert.ExecuteScalarAsync(ct) is not int id)
            {
                return false;
            }

            customer.Id = id;
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// An email already taken is seen before the id is (the filter runs first), so only a create that races another for
    /// the same email spends one; ON CONFLICT then refuses the second. Positional parameters ($n), so Npgsql sends the
    /// text as it is instead of parsing it for names.
    /// </summary>
    private const string PostgresInsert = """
        INSERT INTO customers (store_id, id, first_name, last_name, email, email_key, company, phone, notes, tax_exempt_category,
            registration_ip_address, store_credit, customer_group_id, accepts_marketing, reset_pass_on_login, password_hash,
            date_created, date_modified)
        SELECT $1, nextval(('customer_ids_' || $1)::regclass), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17
        WHERE NOT EXISTS (SELECT 1 FROM customers WHERE store_id = $1 AND email_key = $5)
        ON CONFLICT (store_id, email_key) DO NOTHING
        RETURNING id
        """;

    /// <summary>
    /// SQLite writes one at a time, so the id comes from the store's row (stores.last_customer_id), in the insert's
    /// transaction when there is one, after the email is seen to be free.
    /// </summary>
    private static async Task<bool> TryInsertWithEfAsync(CustomerDbContext db, Customer customer, CancellationToken ct)
    {
        if (await db.Customers.AnyAsync(c => c.StoreId == customer.StoreId && c.EmailKey == customer.EmailKey, ct))
        {
            return false;
        }

        var taken = await db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_customer_id = last_customer_id + 1 WHERE id = {customer.StoreId} RETURNING last_customer_id AS \"Value\"")
            .ToListAsync(ct);
        customer.Id = taken.Single();
        db.Customers.Add(customer);
        return await db.SaveAsync(ct) == SaveOutcome.Saved;
    }
}
