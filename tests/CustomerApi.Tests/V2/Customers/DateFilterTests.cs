using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

public abstract class DateFilterTests(ApiFixture api)
{
    /// <summary>
    /// Customer 1 is created at T0 and updated at T2, customer 2 created at T1 (T0 &lt; T1 &lt; T2, whole seconds).
    /// Every bound below is one of those instants, written in the format under test, so each is hit exactly.
    /// </summary>
    [Theory]
    [InlineData("rfc2822")]
    [InlineData("rfc2822 other offset")]
    [InlineData("iso date-time")]
    [InlineData("iso date-time with offset")]
    [InlineData("unix")]
    public async Task Date_bounds_are_inclusive_to_the_second_in_every_format(string format)
    {
        var store = await api.NewStoreAsync();
        var first = await store.CreateCustomerAsync("first@example.com");
        await Task.Delay(1100);
        var second = await store.CreateCustomerAsync("second@example.com");
        await Task.Delay(1100);
        var updated = await (await store.V2.PutJsonAsync("customers/1", new { company = "Later" })).ShouldBeAsync(HttpStatusCode.OK);
        var t0 = Instant(first, "date_created");
        var t1 = Instant(second, "date_created");
        var t2 = Instant(updated, "date_modified");
        Instant(updated, "date_created").ShouldBe(t0);
        Instant(second, "date_modified").ShouldBe(t1);
        string Q(string filter, DateTime at) => $"{filter}={Uri.EscapeDataString(Format(at, format))}";

        (await store.V2.IdsAsync(Q("min_date_created", t1))).ShouldBe([2]);
        (await store.V2.IdsAsync(Q("max_date_created", t0))).ShouldBe([1]);
        (await store.V2.IdsAsync(Q("min_date_created", t0) + "&" + Q("max_date_created", t1))).ShouldBe([1, 2]);
        (await store.V2.IdsAsync(Q("min_date_created", t1) + "&" + Q("max_date_created", t1))).ShouldBe([2]);
        (await store.V2.IdsAsync(Q("min_date_created", t1.AddSeconds(1)))).ShouldBeEmpty();
        (await store.V2.IdsAsync(Q("max_date_created", t0.AddSeconds(-1)))).ShouldBeEmpty();

        (await store.V2.IdsAsync(Q("min_date_modified", t2))).ShouldBe([1]);
        (await store.V2.IdsAsync(Q("max_date_modified", t1))).ShouldBe([2]);
        (await store.V2.IdsAsync(Q("min_date_modified", t1) + "&" + Q("max_date_modified", t2))).ShouldBe([1, 2]);
        (await store.V2.IdsAsync(Q("min_date_modified", t2.AddSeconds(1)))).ShouldBeEmpty();
        (await store.V2.IdsAsync(Q("max_date_modified", t0))).ShouldBeEmpty();

        // created and modified are separate columns: customer 1 was created first but modified last
        (await store.V2.IdsAsync(Q("max_date_created", t0) + "&" + Q("min_date_modified", t2))).ShouldBe([1]);
        (await store.V2.IdsAsync(Q("min_date_created", t1) + "&" + Q("min_date_modified", t2))).ShouldBeEmpty();

        (await store.V2.GetFromJsonCountAsync("?" + Q("min_date_created", t1))).ShouldBe(1);
        (await store.V2.GetFromJsonCountAsync("?" + Q("max_date_modified", t2))).ShouldBe(2);
    }

    /// <summary>A bare ISO date is midnight UTC of that day.</summary>
    [Fact]
    public async Task Iso_dates_bound_by_day()
    {
        var store = await api.NewStoreAsync();
        var first = await store.CreateCustomerAsync("first@example.com");
        var second = await store.CreateCustomerAsync("second@example.com");
        var firstDay = Instant(first, "date_created").Date;
        var lastDay = Instant(second, "date_created").Date;
        static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        foreach (var field in new[] { "created", "modified" })
        {
            (await store.V2.IdsAsync($"min_date_{field}={Day(firstDay)}")).ShouldBe([1, 2], field);
            (await store.V2.IdsAsync($"min_date_{field}={Day(lastDay.AddDays(1))}")).ShouldBeEmpty(field);
            (await store.V2.IdsAsync($"max_date_{field}={Day(lastDay.AddDays(1))}")).ShouldBe([1, 2], field);
            (await store.V2.IdsAsync($"max_date_{field}={Day(firstDay.AddDays(-1))}")).ShouldBeEmpty(field);
            (await store.V2.IdsAsync($"min_date_{field}={Day(firstDay)}&max_date_{field}={Day(lastDay.AddDays(1))}")).ShouldBe([1, 2], field);
        }
    }

    /// <summary>The formats the brief names, as literal values: each past bound keeps everyone, each as a max drops everyone.</summary>
    [Theory]
    [InlineData("Tue, 13 Nov 2012 21:16:41 +0000")]
    [InlineData("13 Nov 2012 21:16:41 +0000")]
    [InlineData("Tue, 13 Nov 2012 21:16:41 GMT")]
    [InlineData("2024-05-14")]
    [InlineData("2024-05-14T09:34:00")]
    [InlineData("2024-05-14T09:34:00Z")]
    [InlineData("2024-05-14T09:34:00+02:00")]
    [InlineData("1715679240")]
    [InlineData("0")]
    public async Task A_past_date_keeps_everyone_as_a_minimum_and_no_one_as_a_maximum(string past)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("a@example.com");
        await store.CreateCustomerAsync("b@example.com");
        var value = Uri.EscapeDataString(past);

        foreach (var field in new[] { "created", "modified" })
        {
            (await store.V2.IdsAsync($"min_date_{field}={value}")).ShouldBe([1, 2], field);
            (await store.V2.IdsAsync($"max_date_{field}={value}")).ShouldBeEmpty(field);
            (await store.V2.GetFromJsonCountAsync($"?min_date_{field}={value}")).ShouldBe(2, field);
            (await store.V2.GetFromJsonCountAsync($"?max_date_{field}={value}")).ShouldBe(0, field);
        }
    }

    [Theory]
    [InlineData("Fri, 31 Dec 2100 23:59:59 +0000")]
    [InlineData("2100-12-31")]
    [InlineData("2100-12-31T23:59:59")]
    [InlineData("4133980799")]
    public async Task A_future_date_keeps_everyone_as_a_maximum_and_no_one_as_a_minimum(string future)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("a@example.com");
        await store.CreateCustomerAsync("b@example.com");
        var value = Uri.EscapeDataString(future);

        foreach (var field in new[] { "created", "modified" })
        {
            (await store.V2.IdsAsync($"max_date_{field}={value}")).ShouldBe([1, 2], field);
            (await store.V2.IdsAsync($"min_date_{field}={value}")).ShouldBeEmpty(field);
        }
    }

    private static DateTime Instant(JsonElement customer, string field) =>
        DateTime.ParseExact(customer.GetProperty(field).GetString()!, "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Format(DateTime utc, string format) => format switch
    {
        "rfc2822" => utc.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture),
        "rfc2822 other offset" => utc.AddHours(5).AddMinutes(30).ToString("ddd, dd MMM yyyy HH:mm:ss '+0530'", CultureInfo.InvariantCulture),
        "iso date-time" => utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        "iso date-time with offset" => utc.AddHours(-7).ToString("yyyy-MM-dd'T'HH:mm:ss'-07:00'", CultureInfo.InvariantCulture),
        "unix" => new DateTimeOffset(utc).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

public sealed class DateFilterTests_Sqlite(SqliteApi api) : DateFilterTests(api), IClassFixture<SqliteApi>;

public sealed class DateFilterTests_Postgres(PostgresApi api) : DateFilterTests(api), IClassFixture<PostgresApi>;
