using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.FormFieldValues;

/// <summary>
/// V3's <c>/customers/form-field-values</c>: the values customers and addresses hold of the store's form fields, the
/// same ones <c>include=formfields</c> shows. A field with no value has no row here [inferred].
/// </summary>
public static class FormFieldValuesEndpoints
{
    /// <summary>Values one deprecated PUT may carry [inferred: the spec sets none; a whole sign-up form's worth].</summary>
    public const int MaxPerCall = FormField.MaxPerStore;

    public static RouteGroupBuilder MapFormFieldValuesV3(this RouteGroupBuilder v3)
    {
        var values = v3.MapGroup("/customers/form-field-values").WithTags("Form Field Values (V3)");
        values.MapGet("", List).WithName("getCustomersFormFieldValues").WithSummary("Get Customer Form Field Values");
        values.MapPut("", Upsert).WithName("updateCustomerFormFieldValues").WithSummary("Upsert Customer Form Field Values (Deprecated)")
            .WithDescription("Deprecated by BigCommerce in favour of form_fields on PUT /customers and PUT /customers/addresses; still served.")
            .WithRequestExample(new[]
            {
                new FormFieldValueInputV3 { CustomerId = 1, Name = "shirt_size", Value = JsonElement.Parse("\"Large\"") },
                new FormFieldValueInputV3 { AddressId = 1, Name = "preferred_contact_method", Value = JsonElement.Parse("\"email\"") },
            })
            .Answers(StatusCodes.Status413PayloadTooLarge, $"More than {MaxPerCall} values in one call.", () => BcErrors.BatchTooLarge(MaxPerCall, "items"))
            .Answers(StatusCodes.Status409Conflict, "A customer or address of the batch was deleted while it ran; nothing was written.",
                () => BcErrors.ChangedMeanwhile(ApiVersion.V3));
        return v3;
    }

    /// <summary>The store's values that match the filters, by id: a page by number, or from a cursor (spec: _metaCollectionWithCursorPagination).</summary>
    public static async Task<Ok<CursorPageV3<FormFieldValueV3>>> List(
        [AsParameters] FormFieldValueFilterV3 filter, StoreContext store, CustomerDbContext db, CancellationToken ct)
    {
        var filtered = filter.Apply(db.FormFieldValues.AsNoTracking().Where(v => v.StoreId == store.Id), store.FormFields);
        var paging = Paging.FromV3(filter);
        var query = filter.Request.Query;
        if (FormFieldValueFilterV3.IdOf(filter.After ?? filter.Before) is { } cursor)
        {
            var forward = filter.After is not null;
            var beyond = forward ? filtered.Where(v => v.Id > cursor).OrderBy(v => v.Id) : filtered.Where(v => v.Id < cursor).OrderByDescending(v => v.Id);
            var rows = await Named(beyond.Take(paging.Limit + 1), db).ToListAsync(ct);
            var onward = rows.Count > paging.Limit;
            rows = [.. rows.Take(paging.Limit)];
            if (!forward)
            {
                rows.Reverse();
            }

            // Back the way the walk came: whatever lies at or behind the cursor (nothing lies between it and the page).
            var back = await (forward ? filtered.Where(v => v.Id <= cursor) : filtered.Where(v => v.Id >= cursor)).AnyAsync(ct);
            var meta = Cursors(rows, paging.Limit, query, hasPrevious: forward ? back : onward, hasNext: forward ? onward : back,
                emptyEdge: forward ? cursor + 1 : Math.Max(0, cursor - 1));
            return TypedResults.Ok(new CursorPageV3<FormFieldValueV3>([.. rows.Select(r => r.Value)], new CursorPageMetaV3(null, meta)));
        }

        var total = await filtered.CountAsync(ct);
        var data = paging.Offset is { } offset && offset < total
            ? await Named(filtered.OrderBy(v => v.Id).Skip(offset).Take(paging.Limit), db).ToListAsync(ct)
            : [];
        var pagination = Envelope.Pagination(total, data.Count, paging);
        var cursors = paging.Page == 1 ? Cursors(data, paging.Limit, query, hasPrevious: false, hasNext: total > data.Count, emptyEdge: null) : null;
        return TypedResults.Ok(new CursorPageV3<FormFieldValueV3>([.. data.Select(r => r.Value)], new CursorPageMetaV3(pagination, cursors)));
    }

    /// <summary>
    /// Deprecated (spec), still served: sets each value, all or none; an empty value clears the field. 422 names the item of
    /// an unknown field, a value the field does not take, or a customer or address the store does not have.
    /// </summary>
    public static async Task<Results<Ok<EnvelopeV3<FormFieldValueV3>>, BcErrorResult>> Upsert(
        [FromBody] List<FormFieldValueInputV3> body, StoreContext store, CustomerDbContext db, PasswordService passwords, CancellationToken ct)
    {
        var failures = new List<Failure>();
        var pending = new List<PendingValue?>();
        for (var i = 0; i < body.Count; i++)
        {
            var item = body[i];
            var owner = item.CustomerId is not null ? FormFieldOwners.Customer : FormFieldOwners.Address;
            var field = store.FormFields.Find(owner, item.Name!);
            string? json = null;
            var failure = field is null ? Failure.Invalid("name", $"This store defines no {owner} form field named '{item.Name}'.")
                : body.Take(i).Any(b => b.CustomerId == item.CustomerId && b.AddressId == item.AddressId && store.FormFields.Find(owner, b.Name!) == field)
                    ? Failure.Invalid("name", $"The form field '{field.Name}' is given more than once for one {owner}.")
                : FormFieldRules.Check(field, item.Value!.Value, passwords, out json) is { } reason ? Failure.Invalid("value", reason)
                : null;
            failures.AddRange(failure is null ? [] : [failure.AtItem(i)]);
            pending.Add(field is null ? null : new PendingValue(field, json));
        }

        if (failures.Count > 0)
        {
            return Failed(failures);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, store.Id, ct);
        var customerIds = body.Where(b => b.CustomerId is not null).Select(b => b.CustomerId!.Value).Distinct().ToList();
        var addressIds = body.Where(b => b.AddressId is not null).Select(b => b.AddressId!.Value).Distinct().ToList();
        var customers = customerIds.Count == 0 ? []
            : (await db.Customers.Where(c => c.StoreId == store.Id && customerIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var addresses = addressIds.Count == 0 ? []
            : (await db.CustomerAddresses.Where(a => a.StoreId == store.Id && addressIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i].CustomerId is { } customerId && !customers.Contains(customerId))
            {
                failures.Add(Failure.Invalid("customer_id", $"Customer {customerId} does not exist.").AtItem(i));
            }
            else if (body[i].AddressId is { } addressId && !addresses.Contains(addressId))
            {
                failures.Add(Failure.Invalid("address_id", $"Customer address {addressId} does not exist.").AtItem(i));
            }
        }

        if (failures.Count > 0)
        {
            return Failed(failures);
        }

        await FormFieldValueWrites.ApplyAsync(db, store.Id, [.. body.Select((b, i) => new OwnedValues(b.CustomerId, b.AddressId, [pending[i]!]))], ct);
        if (await db.SaveAsync(ct) != SaveOutcome.Saved)
        {
            return BcErrors.ChangedMeanwhile(ApiVersion.V3);
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(Envelope.Written<FormFieldValueV3>([.. body.Select((b, i) =>
            new FormFieldValueV3(b.CustomerId, b.AddressId, pending[i]!.Field.Name, FormFieldRules.Answer(pending[i]!.Field.Type, pending[i]!.Json)))]));
    }

    private static BcErrorResult Failed(List<Failure> failures) => BcErrors.BatchFailed("Upsert customer form field values failed.", failures);

    /// <summary>Each value with its field's name, and shown as the field's type shows it (a password's as "").</summary>
    private static IQueryable<RowData> Named(IQueryable<FormFieldValue> values, CustomerDbContext db) =>
        from v in values
        join f in db.FormFields on new { v.StoreId, Id = v.FieldId } equals new { f.StoreId, f.Id }
        select new RowData(v.Id, v.CustomerId, v.AddressId, f.Name, f.Type, v.Value);

    private sealed record RowData(int Id, int? CustomerId, int? AddressId, string Name, string Type, string Json)
    {
        public FormFieldValueV3 Value => new(CustomerId, AddressId, Name, FormFieldRules.Answer(Type, Json));
    }

    private static CursorPaginationV3 Cursors(List<RowData> rows, int limit, IQueryCollection query, bool hasPrevious, bool hasNext, int? emptyEdge)
    {
        var start = rows.Count == 0 ? null : FormFieldValueFilterV3.CursorOf(rows[0].Id);
        var end = rows.Count == 0 ? null : FormFieldValueFilterV3.CursorOf(rows[^1].Id);
        var edge = emptyEdge is >= 0 ? FormFieldValueFilterV3.CursorOf(emptyEdge.Value) : null;
        return new(rows.Count, limit, start, end, new CursorLinksV3(
            hasPrevious && (start ?? edge) is { } before ? Envelope.CursorLink("before", before, limit, query) : null,
            hasNext && (end ?? edge) is { } after ? Envelope.CursorLink("after", after, limit, query) : null));
    }
}
