using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>
/// Writes a store's <see cref="StoreSnapshot"/> straight to the response, a row at a time from untracked queries read
/// one after another, so a store of any size costs a few buffers, not the document. All the queries read one snapshot of
/// the database (PostgreSQL: one REPEATABLE READ transaction; SQLite: one deferred read transaction, which WAL lets
/// writers run beside), so an address never names a customer the document lacks. A failure once writing has begun can
/// only cut the answer short (invalid JSON), never pass for a whole document.
/// </summary>
public sealed class SnapshotJson(int storeId, CustomerDbContext db) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private const int SendAtBytes = 64 * 1024;

    public int? StatusCode => StatusCodes.Status200OK;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(StoreSnapshot), ["application/json"]));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var ct = httpContext.RequestAborted;
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var transaction = await BeginReadAsync(ct);
        try
        {
            if (await CountersAsync(ct) is not { } counters)
            {
                await BcErrors.NotFound(ApiVersion.Admin).ExecuteAsync(httpContext); // deleted since the handler found it
                return;
            }

            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = "application/json";
            // Into a buffer that Rows sends on now and then: the serializer flushes its writer after every value, which
            // straight onto the response would be a synchronous write; and a failure before the first send leaves the
            // response untouched, for the exception handler to answer cleanly.
            var buffer = new ArrayBufferWriter<byte>(2 * SendAtBytes);
            await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder });
            var rows = new Rows(json, buffer, httpContext.Response.Body, options, ct);
            await WriteAsync(rows, counters, ct);
            await rows.SendAsync();
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await transaction.DisposeAsync(); // read only: rolling back ends it as well as a commit would
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<DbTransaction> BeginReadAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true) // the default, IMMEDIATE, would take the writer's lock for as long as the answer takes
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await db.Database.UseTransactionAsync(transaction, ct);
        return transaction;
    }

    private async Task<StoreCounters?> CountersAsync(CancellationToken ct)
    {
        var counters = await db.Stores.AsNoTracking().Where(s => s.Id == storeId).Select(s => new StoreCounters(s.LastCustomerId, s.LastAddressId,
            s.LastCustomerGroupId, s.LastAttributeId, s.LastAttributeValueId, s.LastFormFieldValueId, s.LastMetafieldId)).SingleOrDefaultAsync(ct);
        return counters is null ? null : counters with { LastCustomerId = await StoreWipe.LastCustomerIdAsync(db, storeId, ct) };
    }

    private async Task WriteAsync(Rows rows, StoreCounters counters, CancellationToken ct)
    {
        var settings = await db.CustomerSettings.AsNoTracking().Where(s => s.StoreId == storeId)
            .Select(s => new SnapshotCustomerSettings
            {
                AskShopperForTrackingConsent = s.AskShopperForTrackingConsent, PolicyUrl = s.PolicyUrl,
                AskShopperForTrackingConsentOnCheckout = s.AskShopperForTrackingConsentOnCheckout,
            }).FirstOrDefaultAsync(ct);

        rows.Json.WriteStartObject();
        rows.Value(nameof(StoreSnapshot.FormatVersion), StoreSnapshot.CurrentFormatVersion);
        rows.Value(nameof(StoreSnapshot.Counters), counters);
        rows.Value(nameof(StoreSnapshot.CustomerSettings), settings);
        await rows.ListAsync(nameof(StoreSnapshot.ChannelSettings),
            db.ChannelSettings.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.ChannelId), SnapshotRows.From);
        await rows.ListAsync(nameof(StoreSnapshot.CustomerGroups),
            db.CustomerGroups.AsNoTracking().Where(g => g.StoreId == storeId).OrderBy(g => g.Id), SnapshotRows.From);
        await rows.ListAsync(nameof(StoreSnapshot.Attributes),
            db.CustomerAttributes.AsNoTracking().Where(a => a.StoreId == storeId).OrderBy(a => a.Id), SnapshotRows.From);
        await rows.ListAsync(nameof(StoreSnapshot.Customers), SnapshotRows.Customers(db, storeId), c => c);
        await rows.ListAsync(nameof(StoreSnapshot.Addresses),
            db.CustomerAddresses.AsNoTracking().Where(a => a.StoreId == storeId).OrderBy(a => a.Id), SnapshotRows.From);
        await rows.ListAsync(nameof(StoreSnapshot.AttributeValues),
            db.CustomerAttributeValues.AsNoTracking().Where(v => v.StoreId == storeId).OrderBy(v => v.Id), SnapshotRows.From);
        await rows.ListAsync(nameof(StoreSnapshot.FormFieldValues), SnapshotRows.FormFieldValues(db, storeId), SnapshotRows.From);
        await rows.ListAsync(nameof(StoreSnapshot.Consents),
            db.CustomerConsents.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.CustomerId), SnapshotRows.From);
        await rows.ListAsync(nameof(StoreSnapshot.Metafields),
            db.CustomerMetafields.AsNoTracking().Where(m => m.StoreId == storeId).OrderBy(m => m.Id), SnapshotRows.From);
        rows.Json.WriteEndObject();
    }

    /// <summary>Writes the document's members under the names the serializer gives <see cref="StoreSnapshot"/>'s properties.</summary>
    private sealed class Rows(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Stream body, JsonSerializerOptions options, CancellationToken ct)
    {
        public Utf8JsonWriter Json => json;

        /// <summary>Sends what is written so far and empties the buffer for what follows.</summary>
        public async Task SendAsync()
        {
            json.Flush();
            await body.WriteAsync(buffer.WrittenMemory, ct);
            buffer.ResetWrittenCount();
        }

        public void Value<T>(string property, T value)
        {
            json.WritePropertyName(Name(property));
            JsonSerializer.Serialize(json, value, options);
        }

        public async Task ListAsync<TRow, TOut>(string property, IQueryable<TRow> query, Func<TRow, TOut> map)
        {
            json.WritePropertyName(Name(property));
            json.WriteStartArray();
            await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                JsonSerializer.Serialize(json, map(row), options);
                if (buffer.WrittenCount > SendAtBytes)
                {
                    await SendAsync();
                }
            }

            json.WriteEndArray();
        }

        private string Name(string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
    }
}
