using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CustomerApi.Data;

/// <summary>
/// Writes a new customer under the store's next id, unless its email is taken on one of its channels (ChannelRules). On
/// PostgreSQL that is one round trip: the email's lock (EmailClaims) and one INSERT, with the id from the store's own
/// sequence (migration CustomerIdSequences), so creates of different emails wait on nothing of each other's and a
/// refusal is no exception. A taken email spends no id; a create never committed leaves a gap, as an auto-increment
/// column does. No id is handed out twice. The store's count follows by trigger (CustomerCountShard). Inside a
/// transaction the insert is part of it, and the email stays locked until it ends. Every insert also holds the store's
/// <see cref="StoreWipeLock"/> shared, so a reset or restore of the store comes wholly before or after it.
/// </summary>
public static class CustomerInserts
{
    /// <returns>False, with nothing written, when the email is already a customer's on a channel this one would share.</returns>
    public static async Task<bool> TryInsertAsync(CustomerDbContext db, Customer customer, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? await InsertWithNpgsqlAsync(db, [customer], lockEmails: true, ct) == 1
            : await TryInsertWithEfAsync(db, customer, ct);

    /// <summary>
    /// Inserts customers whose emails the caller has locked (EmailClaims) and checked, in its transaction: on PostgreSQL
    /// all of them in one round trip. Each insert still refuses a taken email, as a guard.
    /// </summary>
    /// <returns>
    /// How many were inserted before the first refused, in order; fewer than all and the caller must roll back, for the
    /// round trip carried the inserts after it too.
    /// </returns>
    public static async Task<int> InsertLockedAsync(CustomerDbContext db, IReadOnlyList<Customer> customers, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Locked emails are held by a transaction; begin one and lock them first.");
        }

        if (db.Database.IsNpgsql())
        {
            return await InsertWithNpgsqlAsync(db, customers, lockEmails: false, ct);
        }

        for (var i = 0; i < customers.Count; i++)
        {
            if (!await TryInsertWithEfAsync(db, customers[i], ct))
            {
                return i;
            }
        }

        return customers.Count;
    }

    private static async Task<int> InsertWithNpgsqlAsync(CustomerDbContext db, IReadOnlyList<Customer> customers, bool lockEmails, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Outside a transaction the batch is one implicit transaction: an email's lock is held until its insert ends.
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            };
            if (lockEmails)
            {
                foreach (var customer in customers)
                {
                    batch.BatchCommands.Add(EmailClaims.PostgresLockCommand(customer.StoreId, customer.EmailKey));
                }
            }

            // After the emails' locks, as every insert takes them, so a wipe waiting for the lock cannot close a circle.
            foreach (var storeId in customers.Select(c => c.StoreId).Distinct())
            {
                batch.BatchCommands.Add(StoreWipeLock.SharedCommand(storeId));
            }

            foreach (var customer in customers)
            {
                batch.BatchCommands.Add(InsertCommand(customer));
            }

            // Each insert answers its id in a result of its own, after the locks' results.
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var locks = batch.BatchCommands.Count - customers.Count;
            var result = 0;
            for (var i = 0; i < customers.Count; i++)
            {
                for (var target = locks + i; result < target; result++)
                {
                    await reader.NextResultAsync(ct);
                }

                if (!await reader.ReadAsync(ct))
                {
                    return i;
                }

                customers[i].Id = reader.GetInt32(0);
            }

            return customers.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static NpgsqlBatchCommand InsertCommand(Customer customer) => new(PostgresInsert)
    {
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
            new NpgsqlParameter { Value = (object?)customer.PasswordHash ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new NpgsqlParameter<DateTime> { TypedValue = DateTime.SpecifyKind(customer.DateCreated, DateTimeKind.Utc) },
            new NpgsqlParameter<DateTime> { TypedValue = DateTime.SpecifyKind(customer.DateModified, DateTimeKind.Utc) },
            new NpgsqlParameter<string> { TypedValue = customer.NameKey },
            new NpgsqlParameter<int> { TypedValue = customer.OriginChannelId },
            new NpgsqlParameter { Value = customer.ChannelIds is { } ids ? string.Join(',', ids) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
        },
    };

    /// <summary>
    /// Runs after the email's lock (EmailClaims), so the filter sees every customer holding the email, and one already
    /// taken on a channel this customer would share (ChannelRules) spends no id. Positional parameters ($n), so Npgsql
    /// sends the text as it is instead of parsing it for names.
    /// </summary>
    private const string PostgresInsert = """
        INSERT INTO customers (store_id, id, first_name, last_name, email, email_key, company, phone, notes, tax_exempt_category,
            registration_ip_address, store_credit, customer_group_id, accepts_marketing, reset_pass_on_login, password_hash,
            date_created, date_modified, name_key, origin_channel_id, channel_ids)
        SELECT $1, nextval(('customer_ids_' || $1)::regclass), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
            $18, $19, $20
        WHERE NOT EXISTS (SELECT 1 FROM customers WHERE store_id = $1 AND email_key = $5
            AND ($20 IS NULL OR channel_ids IS NULL OR string_to_array(channel_ids, ',')::int[] && string_to_array($20, ',')::int[]))
        RETURNING id
        """;

    /// <summary>
    /// SQLite writes one at a time, so the id comes from the store's row (stores.last_customer_id), in the insert's
    /// transaction when there is one, after the email is seen to be free.
    /// </summary>
    private static async Task<bool> TryInsertWithEfAsync(CustomerDbContext db, Customer customer, CancellationToken ct)
    {
        // Taking the id is the first write, so it takes the file's lock: no other create can slip between the check and the insert.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var taken = await db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_customer_id = last_customer_id + 1 WHERE id = {customer.StoreId} RETURNING last_customer_id AS \"Value\"")
            .ToListAsync(ct);
        var holders = await EmailClaims.HoldersAsync(db, customer.StoreId, [customer.EmailKey], ct);
        if (EmailClaims.Clashes(holders, customer.EmailKey, customer.ChannelIds))
        {
            return false; // the id taken above goes back with the transaction's rollback
        }

        customer.Id = taken.Single();
        db.Customers.Add(customer);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return false;
        }

        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        return true;
    }
}
