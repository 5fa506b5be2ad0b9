using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Requests;

/// <summary>
/// The bodies of a 4xx in the request log: kept as sent, but every password and token redacted (and nothing of them
/// anywhere in the log), cut at 8 KiB, decoded when the answer was compressed.
/// </summary>
public abstract class RequestLogBodyTests(ApiFixture api)
{
    private const int MaxBodyBytes = 8 * 1024;

    [Fact]
    public async Task A_refused_V3_batch_is_logged_with_its_new_password_redacted()
    {
        var (admin, hash, token) = await NewStoreAsync();
        var body = $$$"""[{"email":"not-an-email","first_name":"Jane","last_name":"Doe","authentication":{"new_password":"{{{Passwords.Good}}}","force_password_reset":false}}]""";

        await (await (await api.StoreClientAsync(hash, token, "v3")).PostJsonAsync("customers", body)).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        var (entry, raw) = await admin.LastRequestAsync(hash);
        // Named like a password, so redacted too, though it is a flag: the rule is by name, with no exceptions to get wrong.
        entry.Text("request_body").ShouldBe("""[{"email":"not-an-email","first_name":"Jane","last_name":"Doe","authentication":{"new_password":"[redacted]","force_password_reset":"[redacted]"}}]""");
        entry.GetProperty("request_bytes").GetInt64().ShouldBe(body.Length);
        JsonDocument.Parse(entry.Text("response_body")).RootElement.GetProperty("errors").TryGetProperty("0.email", out _).ShouldBeTrue();
        raw.ShouldNotContain(Passwords.Good);
    }

    [Theory]
    [InlineData($$"""{"password":"{{Passwords.Good}}","channel_id":1}""", HttpStatusCode.UnprocessableEntity, """{"password":"[redacted]","channel_id":1}""")]
    [InlineData($$"""{"email":"jane@example.com", "Password" : "{{Passwords.Good}}", "channel_id":0}""", HttpStatusCode.UnprocessableEntity, """{"email":"jane@example.com", "Password" : "[redacted]", "channel_id":0}""")]
    [InlineData($$"""{"email":"jane@example.com","pass\u0077ord":"{{Passwords.Good}}","channel_id":0}""", HttpStatusCode.UnprocessableEntity, """{"email":"jane@example.com","pass\u0077ord":"[redacted]","channel_id":0}""")]
    public async Task Refused_credentials_are_logged_with_the_password_redacted(string body, HttpStatusCode status, string logged)
    {
        var (admin, hash, token) = await NewStoreAsync();

        (await (await api.StoreClientAsync(hash, token, "v3")).PostJsonAsync("customers/validate-credentials", body)).StatusCode.ShouldBe(status);

        var (entry, raw) = await admin.LastRequestAsync(hash);
        entry.Text("request_body").ShouldBe(logged);
        entry.GetProperty("request_body_note").ValueKind.ShouldBe(JsonValueKind.Null);
        raw.ShouldNotContain(Passwords.Good);
    }

    [Fact]
    public async Task A_body_that_is_not_valid_JSON_is_shown_only_up_to_where_it_breaks()
    {
        var (admin, hash, token) = await NewStoreAsync();
        var body = $$"""{"email":"jane@example.com","channel_id":1,"password":'{{Passwords.Good}}'}""";

        (await (await api.StoreClientAsync(hash, token, "v3")).PostJsonAsync("customers/validate-credentials", body)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var (entry, raw) = await admin.LastRequestAsync(hash);
        entry.Text("request_body").ShouldBe("""{"email":"jane@example.com","channel_id":1,"password":""");
        entry.Text("request_body_note").ShouldStartWith("Not valid JSON after byte");
        raw.ShouldNotContain(Passwords.Good);
    }

    [Fact]
    public async Task A_refused_V2_customer_is_logged_with_its_authentication_passwords_redacted()
    {
        var (admin, hash, token) = await NewStoreAsync();
        var body = new
        {
            first_name = "Jane",
            last_name = "Doe",
            _authentication = new { password = Passwords.Good, password_confirmation = Passwords.Other },
        };

        await (await (await api.StoreClientAsync(hash, token)).PostJsonAsync("customers", body)).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        var (entry, raw) = await admin.LastRequestAsync(hash);
        entry.Text("request_body").ShouldBe("""{"first_name":"Jane","last_name":"Doe","_authentication":{"password":"[redacted]","password_confirmation":"[redacted]"}}""");
        raw.ShouldNotContain(Passwords.Good);
        raw.ShouldNotContain(Passwords.Other);
    }

    [Fact]
    public async Task A_huge_refused_body_is_cut_at_8_KiB_and_a_password_past_the_cut_is_nowhere()
    {
        var (admin, hash, token) = await NewStoreAsync();
        var notes = new string('n', 3 * MaxBodyBytes);
        var body = $$$"""{"first_name":"Jane","_authentication":{"password":"{{{Passwords.Other}}}"},"notes":"{{{notes}}}","last_name":"Doe","_authentication2":{"password":"{{{Passwords.Good}}}"}}""";

        (await (await api.StoreClientAsync(hash, token)).PostJsonAsync("customers", body)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var (entry, raw) = await admin.LastRequestAsync(hash);
        var logged = entry.Text("request_body");
        Encoding.UTF8.GetByteCount(logged).ShouldBeLessThanOrEqualTo(MaxBodyBytes);
        logged.ShouldStartWith("""{"first_name":"Jane","_authentication":{"password":"[redacted]"},"notes":"nnnn""");
        logged.Length.ShouldBeGreaterThan(MaxBodyBytes - 100); // the cut falls in the notes, which are kept up to it
        entry.Text("request_body_note").ShouldContain($"{body.Length} bytes");
        entry.GetProperty("request_bytes").GetInt64().ShouldBe(body.Length);
        raw.ShouldNotContain(Passwords.Good);
        raw.ShouldNotContain(Passwords.Other);
    }

    [Fact]
    public async Task A_compressed_answer_is_counted_as_sent_and_its_body_shown_decoded()
    {
        var (admin, hash, token) = await NewStoreAsync();
        var client = (await api.FactoryAsync()).CreateDefaultClient(new Uri($"http://localhost/stores/{hash}/v3/"));
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var refused = await client.PostJsonAsync("customers", """[{"email":"not-an-email","first_name":"Jane","last_name":"Doe"}]""");

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        var (entry, _) = await admin.LastRequestAsync(hash);
        entry.GetProperty("response_bytes").GetInt64().ShouldBe((await refused.Content.ReadAsByteArrayAsync()).Length);
        JsonDocument.Parse(entry.Text("response_body")).RootElement.GetProperty("status").GetInt32().ShouldBe(422);
    }

    private async Task<(HttpClient Admin, string Hash, string Token)> NewStoreAsync()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        return (admin, hash, token);
    }
}

public sealed class RequestLogBodyTests_Sqlite(SqliteApi api) : RequestLogBodyTests(api), IClassFixture<SqliteApi>;

public sealed class RequestLogBodyTests_Postgres(PostgresApi api) : RequestLogBodyTests(api), IClassFixture<PostgresApi>;
