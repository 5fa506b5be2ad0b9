using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

/// <summary><c>_authentication</c> on create and update, and <c>POST customers/{id}/validate</c>.</summary>
public abstract class PasswordTests(ApiFixture api)
{
    [Fact]
    public async Task A_password_set_on_create_validates_and_a_wrong_one_does_not()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("pw@example.com", new { _authentication = new { password = Passwords.Good } });

        var right = await (await store.V2.PostJsonAsync("customers/1/validate", new { password = Passwords.Good })).ShouldBeAsync(HttpStatusCode.OK);
        var wrong = await (await store.V2.PostJsonAsync("customers/1/validate", new { password = Passwords.Other })).ShouldBeAsync(HttpStatusCode.OK);

        right.ToString().ShouldBe("""{"success":true}""");
        right.GetProperty("success").ValueKind.ShouldBe(JsonValueKind.True);
        wrong.ToString().ShouldBe("""{"success":false}""");
        wrong.GetProperty("success").ValueKind.ShouldBe(JsonValueKind.False);
    }

    [Theory]
    [InlineData("correct1horse")]
    [InlineData("CORRECT1HORSE")]
    [InlineData("Correct1hors")]
    [InlineData("Correct1horse ")]
    [InlineData(" Correct1horse")]
    [InlineData("")]
    public async Task Validation_is_exact(string nearMiss)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("exact@example.com", new { _authentication = new { password = Passwords.Good } });

        (await store.PasswordMatchesAsync(nearMiss)).ShouldBeFalse();
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Correct1horse")]
    [InlineData("Battery2staple")]
    [InlineData("")]
    public async Task A_customer_created_without_a_password_validates_no_password(string attempt)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("nopw@example.com");
        await store.CreateCustomerAsync("emptyauth@example.com", new { _authentication = new { } });
        await store.CreateCustomerAsync("onlyreset@example.com", new { _authentication = new { force_reset = true } });

        for (var id = 1; id <= 3; id++)
        {
            (await store.PasswordMatchesAsync(attempt, id)).ShouldBeFalse($"customer {id}");
        }
    }

    [Fact]
    public async Task A_matching_password_confirmation_is_accepted()
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customers", new
        {
            first_name = "A", last_name = "B", email = "confirm@example.com",
            _authentication = new { password = Passwords.Good, password_confirmation = Passwords.Good },
        });

        await response.ShouldBeAsync(HttpStatusCode.Created);
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Battery2staple")]
    [InlineData("correct1horse")]
    [InlineData("")]
    public async Task A_mismatching_password_confirmation_is_400_naming_it_and_creates_nothing(string confirmation)
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.PostJsonAsync("customers", new
        {
            first_name = "A", last_name = "B", email = "mismatch@example.com",
            _authentication = new { password = Passwords.Good, password_confirmation = confirmation },
        });

        var errors = await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        errors.Messages().ShouldBe(["The field '_authentication.password_confirmation' is invalid."]);
        errors[0].GetProperty("details").GetProperty("invalid_reason").GetString().ShouldBe("Passwords do not match.");
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        (await store.CreateCustomerAsync("after@example.com")).GetProperty("id").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_mismatching_password_confirmation_on_update_changes_nothing()
    {
        var store = await StoreWithPasswordAsync();
        var before = await store.CustomerTextAsync();

        var response = await store.V2.PutJsonAsync("customers/1", new
        {
            company = "Changed",
            _authentication = new { password = Passwords.Other, password_confirmation = Passwords.Good, force_reset = true },
        });

        (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest)).Messages()
            .ShouldBe(["The field '_authentication.password_confirmation' is invalid."]);
        (await store.CustomerTextAsync()).ShouldBe(before);
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_password_confirmation_without_a_password_is_400()
    {
        var store = await StoreWithPasswordAsync();

        var response = await store.V2.PutJsonAsync("customers/1", new { _authentication = new { password_confirmation = Passwords.Other } });

        (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest)).Messages()
            .ShouldBe(["The field '_authentication.password_confirmation' is invalid."]);
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("abc12")]
    [InlineData("abcd12")]
    [InlineData("abcdefghij")]
    [InlineData("1234567890")]
    [InlineData("!@#$%^&*()")]
    [InlineData("")]
    [InlineData("       ")]
    [InlineData(null)]
    public async Task A_password_against_the_policy_is_400_naming_it_on_create_and_update(string? password)
    {
        password ??= string.Concat(Enumerable.Repeat("a1", 128)); // 256 characters
        var store = await StoreWithPasswordAsync();
        var before = await store.CustomerTextAsync();

        var created = await store.V2.PostJsonAsync("customers", new
        {
            first_name = "A", last_name = "B", email = "policy@example.com", _authentication = new { password },
        });
        var updated = await store.V2.PutJsonAsync("customers/1", new { company = "Changed", _authentication = new { password } });

        foreach (var response in new[] { created, updated })
        {
            var errors = await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
            errors.Messages().ShouldBe(["The field '_authentication.password' is invalid."]);
            errors[0].GetProperty("details").GetProperty("invalid_reason").GetString()!.ShouldContain("7 characters");
        }

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.CustomerTextAsync()).ShouldBe(before);
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(password)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("abcde12")]
    [InlineData("1234567a")]
    [InlineData("Ünïcödé1")]
    [InlineData("pass word 1")]
    [InlineData(null)]
    public async Task A_password_within_the_policy_is_accepted(string? password)
    {
        password ??= "a1" + new string('x', 253); // 255 characters
        var store = await api.NewStoreAsync();

        await store.CreateCustomerAsync("ok@example.com", new { _authentication = new { password } });

        (await store.PasswordMatchesAsync(password)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(password[..^1])).ShouldBeFalse();
    }

    [Fact]
    public async Task Put_with_a_new_password_replaces_the_old_one()
    {
        var store = await StoreWithPasswordAsync();

        var updated = await store.V2.PutJsonAsync("customers/1", new { _authentication = new { password = Passwords.Other } });

        await updated.ShouldBeAsync(HttpStatusCode.OK);
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeFalse();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeTrue();
    }

    [Fact]
    public async Task Put_can_give_a_password_to_a_customer_created_without_one()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("later@example.com");

        await (await store.V2.PutJsonAsync("customers/1", new { _authentication = new { password = Passwords.Other, password_confirmation = Passwords.Other } }))
            .ShouldBeAsync(HttpStatusCode.OK);

        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"company":"Changed"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"_authentication":{}}""")]
    [InlineData("""{"_authentication":null}""")]
    [InlineData("""{"_authentication":{"force_reset":true}}""")]
    [InlineData("""{"_authentication":{"force_reset":false}}""")]
    [InlineData("""{"_authentication":{"password":null}}""")]
    [InlineData("""{"reset_pass_on_login":false,"email":"renamed@example.com"}""")]
    public async Task Put_without_a_password_leaves_the_password_as_it_is(string body)
    {
        var store = await StoreWithPasswordAsync();

        await (await store.V2.PutJsonAsync("customers/1", body)).ShouldBeAsync(HttpStatusCode.OK);

        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeFalse();
    }

    [Fact]
    public async Task Force_reset_true_and_false_set_reset_pass_on_login()
    {
        var store = await api.NewStoreAsync();

        var created = await store.CreateCustomerAsync("reset@example.com", new { _authentication = new { force_reset = true } });
        var cleared = await (await store.V2.PutJsonAsync("customers/1", new { _authentication = new { force_reset = false } })).ShouldBeAsync(HttpStatusCode.OK);
        var clearedStored = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        var set = await (await store.V2.PutJsonAsync("customers/1", new { _authentication = new { force_reset = true } })).ShouldBeAsync(HttpStatusCode.OK);
        var setStored = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);

        created.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        cleared.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeFalse();
        clearedStored.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeFalse();
        set.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        setStored.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Force_reset_with_a_password_sets_both()
    {
        var store = await StoreWithPasswordAsync();

        var updated = await (await store.V2.PutJsonAsync("customers/1", new { _authentication = new { password = Passwords.Other, force_reset = true } }))
            .ShouldBeAsync(HttpStatusCode.OK);

        updated.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_pass_on_login_can_be_written_directly()
    {
        var store = await api.NewStoreAsync();

        var created = await store.CreateCustomerAsync("direct@example.com", new { reset_pass_on_login = true });
        var cleared = await (await store.V2.PutJsonAsync("customers/1", new { reset_pass_on_login = false })).ShouldBeAsync(HttpStatusCode.OK);
        var untouched = await (await store.V2.PutJsonAsync("customers/1", new { company = "x" })).ShouldBeAsync(HttpStatusCode.OK);
        var set = await (await store.V2.PutJsonAsync("customers/1", new { reset_pass_on_login = true })).ShouldBeAsync(HttpStatusCode.OK);

        created.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        cleared.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeFalse();
        untouched.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeFalse();
        set.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        (await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("customers/2/validate")]
    [InlineData("customers/0/validate")]
    [InlineData("customers/999999/validate")]
    public async Task Validate_on_an_unknown_customer_is_404(string url)
    {
        var store = await StoreWithPasswordAsync();

        var response = await store.V2.PostJsonAsync(url, new { password = Passwords.Good });

        (await response.ShouldBeV2ErrorAsync(HttpStatusCode.NotFound)).Messages().ShouldBe(["The requested resource was not found."]);
    }

    [Fact]
    public async Task Validate_on_a_deleted_customer_is_404()
    {
        var store = await StoreWithPasswordAsync();
        await store.V2.DeleteAsync("customers/1");

        await (await store.V2.PostJsonAsync("customers/1/validate", new { password = Passwords.Good })).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validate_cannot_reach_another_stores_customer()
    {
        var victim = await api.NewStoreAsync();
        await victim.CreateCustomerAsync("a@example.com", new { _authentication = new { password = Passwords.Good } });
        await victim.CreateCustomerAsync("b@example.com", new { _authentication = new { password = Passwords.Good } });
        var other = await api.NewStoreAsync();
        await other.CreateCustomerAsync("mine@example.com");

        var unknown = await other.V2.PostJsonAsync("customers/2/validate", new { password = Passwords.Good });
        var sameId = await other.V2.PostJsonAsync("customers/1/validate", new { password = Passwords.Good });

        await unknown.ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await sameId.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("success").GetBoolean().ShouldBeFalse();
        (await victim.PasswordMatchesAsync(Passwords.Good, 2)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"password":null}""")]
    public async Task Validate_without_a_password_is_400_required(string body)
    {
        var store = await StoreWithPasswordAsync();

        var response = await store.V2.PostJsonAsync("customers/1/validate", body);

        var errors = await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        errors.Messages().ShouldBe(["The required field 'password' was not supplied."]);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("email")]
    [InlineData("password_confirmation")]
    public async Task Validate_with_an_unknown_field_is_400_not_supported(string field)
    {
        var store = await StoreWithPasswordAsync();

        var response = await store.V2.PostJsonAsync("customers/1/validate", new Dictionary<string, string>
        {
            ["password"] = Passwords.Good, [field] = Passwords.Good,
        });

        var errors = await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        errors.Messages().ShouldBe([$"The field '{field}' is not supported by this resource."]);
    }

    [Theory]
    [InlineData("""{"password":12345678}""", "The field 'password' is invalid.")]
    [InlineData("""{"password":["Correct1horse"]}""", "The field 'password' is invalid.")]
    [InlineData("""{"password":"Correct1horse""", "The request body is not valid JSON.")]
    [InlineData("""["Correct1horse"]""", "The field 'body' is invalid.")]
    [InlineData("", "The request body is empty; a JSON object is required.")]
    public async Task Validate_with_a_bad_body_is_400(string body, string message)
    {
        var store = await StoreWithPasswordAsync();

        var response = await store.V2.PostJsonAsync("customers/1/validate", body);

        (await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest)).Messages().ShouldBe([message]);
    }

    [Fact]
    public async Task Validate_changes_nothing_on_the_customer()
    {
        var store = await StoreWithPasswordAsync();
        var before = await store.CustomerTextAsync();

        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeFalse();

        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task No_answer_carries_the_authentication_object_or_the_password()
    {
        var store = await api.NewStoreAsync();

        var created = await store.V2.PostJsonAsync("customers", new
        {
            first_name = "A", last_name = "B", email = "secret@example.com",
            _authentication = new { password = Passwords.Good, password_confirmation = Passwords.Good, force_reset = true },
        });
        var updated = await store.V2.PutJsonAsync("customers/1", new { _authentication = new { password = Passwords.Other } });
        var fetched = await store.V2.GetAsync("customers/1");
        var listed = await store.V2.GetAsync("customers");

        foreach (var response in new[] { created, updated, fetched, listed })
        {
            var text = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.ShouldBeTrue(text);
            var customer = JsonDocument.Parse(text).RootElement;
            customer = customer.ValueKind == JsonValueKind.Array ? customer[0] : customer;
            customer.GetProperty("email").GetString().ShouldBe("secret@example.com");
            customer.TryGetProperty("_authentication", out _).ShouldBeFalse();
            customer.TryGetProperty("password", out _).ShouldBeFalse();
            text.ShouldNotContain("_authentication");
            text.ShouldNotContain(Passwords.Good);
            text.ShouldNotContain(Passwords.Other);
        }
    }

    private async Task<TestStore> StoreWithPasswordAsync()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("pw@example.com", new { company = "Acme", _authentication = new { password = Passwords.Good } });
        return store;
    }
}

public sealed class PasswordTests_Sqlite(SqliteApi api) : PasswordTests(api), IClassFixture<SqliteApi>;

public sealed class PasswordTests_Postgres(PostgresApi api) : PasswordTests(api), IClassFixture<PostgresApi>;
