using CustomerApi.Bootstrap;
using CustomerApi.Data;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.Customers;
using CustomerApi.Tests.V3.FormFieldValues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;
using static CustomerApi.Tests.V3.FormFieldValues.FormFieldCalls;

namespace CustomerApi.Tests.Service;

/// <summary>
/// Form fields from configuration (StoreBootstrapper): bad seeds refused naming the problem, running again idempotent,
/// changes applied. The service caches a store's fields with its tokens, so each check of a change uses a store no request
/// has touched yet, or reads the database.
/// </summary>
public abstract class FormFieldBootstrapTests(ApiFixture api)
{
    private static readonly Dictionary<string, FormFieldSeed[]> BadSeeds = new()
    {
        ["unknown type"] = [new() { Name = "Size", Type = "email" }],
        ["unknown owner"] = [new() { Name = "Size", For = "order" }],
        ["choice without options"] = [new() { Name = "Size", Type = "picklist" }],
        ["blank option"] = [new() { Name = "Size", Type = "radiobuttons", Options = ["Small", " "] }],
        ["options differing in case only"] = [new() { Name = "Size", Type = "checkboxes", Options = ["Red", "red"] }],
        ["options on text"] = [new() { Name = "Size", Options = ["Small"] }],
        ["options on numbers"] = [new() { Name = "Size", Type = "numbers", Options = ["1"] }],
        ["duplicate names ignoring case"] = [new() { Name = "Size" }, new() { Name = " SIZE ", Type = "multiline" }],
        ["blank name"] = [new() { Name = "  " }],
        ["name too long"] = [new() { Name = new string('n', 256) }],
        ["more than 50 fields"] = [.. Enumerable.Range(1, 51).Select(i => new FormFieldSeed { Name = $"Field {i}" })],
    };

    private async Task EnsureAsync(params StoreSeed[] seeds)
    {
        var factory = await api.FactoryAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await StoreBootstrapper.EnsureAsync(scope.ServiceProvider.GetRequiredService<CustomerDbContext>(), seeds, TimeProvider.System, default);
    }

    private static StoreSeed Seed(string hash, params FormFieldSeed[] fields) => new() { Hash = hash, FormFields = [.. fields] };

    /// <summary>A store seeded with <paramref name="fields"/> and a token, and its client (make no request before every change is seeded).</summary>
    private async Task<TestStore> SeededStoreAsync(params FormFieldSeed[] fields)
    {
        var hash = TestStore.NewHash();
        var token = Guid.NewGuid().ToString("N");
        var seed = Seed(hash, fields);
        seed.Tokens = [new TokenSeed { AccessToken = token, Scopes = [Scopes.Customers] }];
        await EnsureAsync(seed);
        return new TestStore(await api.FactoryAsync(), hash, token);
    }

    /// <summary>The store's fields as the database holds them, by id: <c>1 customer Size picklist required [S|M]</c>.</summary>
    private async Task<string[]> DefinedAsync(string hash)
    {
        await using var scope = (await api.FactoryAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var fields = await db.FormFields.AsNoTracking().Where(f => db.Stores.Any(s => s.Id == f.StoreId && s.Hash == hash)).ToListAsync();
        return [.. fields.OrderBy(f => f.Id).Select(f => $"{f.Id} {f.For} {f.Name} {f.Type}{(f.Required ? " required" : "")} [{string.Join('|', f.Options)}]")];
    }

    [Theory]
    [InlineData("unknown type", "form field 'Size' has Type 'email'; it must be one of checkboxes, date, multiline, numbers, password, radiobuttons, text, picklist")]
    [InlineData("unknown owner", "form field 'Size' is For 'order'; it must be customer or address")]
    [InlineData("choice without options", "form field 'Size' (picklist) needs Options: one or more, each different and not blank")]
    [InlineData("blank option", "form field 'Size' (radiobuttons) needs Options")]
    [InlineData("options differing in case only", "form field 'Size' (checkboxes) needs Options")]
    [InlineData("options on text", "form field 'Size' (text) takes no Options")]
    [InlineData("options on numbers", "form field 'Size' (numbers) takes no Options")]
    [InlineData("duplicate names ignoring case", "names the customer form field 'Size' twice")]
    [InlineData("blank name", "a form field's Name must be 1 to 255 characters")]
    [InlineData("name too long", "a form field's Name must be 1 to 255 characters")]
    [InlineData("more than 50 fields", "would have 51 form fields; at most 50")]
    public async Task A_bad_seed_is_refused_naming_the_store_and_the_problem_and_defines_nothing(string problem, string message)
    {
        var hash = TestStore.NewHash();

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => EnsureAsync(Seed(hash, BadSeeds[problem])));

        refused.Message.ShouldStartWith($"Bootstrap: store {hash}");
        refused.Message.ShouldContain(message);
        (await DefinedAsync(hash)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Fields_added_later_count_toward_the_limit_of_50()
    {
        var hash = TestStore.NewHash();
        await EnsureAsync(Seed(hash, [.. Enumerable.Range(1, 50).Select(i => new FormFieldSeed { Name = $"Field {i}", For = i % 2 == 0 ? "address" : "customer" })]));

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => EnsureAsync(Seed(hash, new FormFieldSeed { Name = "One more" })));

        refused.Message.ShouldContain("would have 51 form fields; at most 50");
        (await DefinedAsync(hash)).Length.ShouldBe(50);
    }

    [Fact]
    public async Task Names_types_and_owners_are_read_trimmed_and_ignoring_case_and_a_customer_and_an_address_field_may_share_a_name()
    {
        var hash = TestStore.NewHash();

        await EnsureAsync(Seed(hash,
            new FormFieldSeed { Name = " Notes ", Type = " MultiLine", For = "Customer " },
            new FormFieldSeed { Name = "notes", Type = "Picklist", For = "ADDRESS", Options = [" Front ", "Back"], Required = true }));

        (await DefinedAsync(hash)).ShouldBe(["1 customer Notes multiline []", "2 address notes picklist required [Front|Back]"]);
    }

    [Fact]
    public async Task Bootstrapping_the_same_fields_again_changes_nothing_and_keeps_the_values()
    {
        var store = await SeededStoreAsync(EveryType);
        var defined = await DefinedAsync(store.Hash);
        await store.CreateV3Async(Customer("ann@example.com", new { form_fields = Fields(("Sales Rep", "Ann"), ("Interests", FormFieldWriteCalls.Options("Film"))) }));
        var stored = await store.StoredAsync();

        await EnsureAsync(Seed(store.Hash, EveryType));
        await EnsureAsync(Seed(store.Hash, EveryType));

        defined.Length.ShouldBe(EveryType.Length);
        (await DefinedAsync(store.Hash)).ShouldBe(defined);
        (await store.StoredAsync()).ShouldBe(stored);
        stored.Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_seed_updates_the_fields_it_names_adds_new_ones_after_them_and_leaves_the_others_alone()
    {
        var hash = TestStore.NewHash();
        await EnsureAsync(Seed(hash,
            new FormFieldSeed { Name = "Sales Rep" },
            new FormFieldSeed { Name = "Size", Type = "picklist", Options = ["S", "M"] },
            new FormFieldSeed { Name = "Gate code", Type = "numbers", For = "address" }));

        await EnsureAsync(Seed(hash,
            new FormFieldSeed { Name = "SIZE", Type = "picklist", Options = ["S", "M", "L"], Required = true },
            new FormFieldSeed { Name = "Licence" }));

        (await DefinedAsync(hash)).ShouldBe([
            "1 customer Sales Rep text []", "2 customer SIZE picklist required [S|M|L]", "3 address Gate code numbers []", "4 customer Licence text []",
        ]);
    }

    [Fact]
    public async Task Changed_options_and_required_flags_apply_to_the_requests_that_follow()
    {
        var store = await SeededStoreAsync(
            new FormFieldSeed { Name = "Size", Type = "picklist", Options = ["S", "M"] },
            new FormFieldSeed { Name = "Licence", Required = true });
        await EnsureAsync(Seed(store.Hash,
            new FormFieldSeed { Name = "Size", Type = "picklist", Options = ["M", "XL"] },
            new FormFieldSeed { Name = "Licence" }));

        var refused = await store.PostCustomersAsync(Customer("ann@example.com", new { form_fields = Fields(("Size", "S")) }));
        var created = (await store.CreateV3Async(Customer("ann@example.com", new { form_fields = Fields(("Size", "xl"), ("Licence", "")) }))).ShouldHaveSingleItem();

        await refused.ShouldBeRefusedAsync(CreateFailed, ("0.form_fields.0.value", "'Size' takes one of its options: M, XL."));
        created.GetProperty("form_fields").Pairs().ShouldBe([("Size", "\"XL\""), ("Licence", "\"\"")]);
    }

    [Fact]
    public async Task A_changed_type_removes_that_fields_values_only()
    {
        var store = await SeededStoreAsync(EveryType);
        await store.CreateV3Async(Customer("ann@example.com", new
        {
            form_fields = Fields(("Sales Rep", "Ann"), ("Employees", 12)),
            addresses = new[] { Address(extra: new { form_fields = Fields(("Gate code", 7), ("Delivery notes", "Back door")) }) },
        }));

        // The store's fields stay cached a while after a request, so the change is read back from the database.
        await EnsureAsync(Seed(store.Hash,
            new FormFieldSeed { Name = "Employees", Type = "text" },
            new FormFieldSeed { Name = "Gate code", Type = "text", For = "address" },
            new FormFieldSeed { Name = "Sales Rep" }));

        (await DefinedAsync(store.Hash)).Where(f => f.Contains("Employees") || f.Contains("Gate code")).ShouldBe(["3 customer Employees text []", "11 address Gate code text []"]);
        (await store.StoredJsonAsync("Employees")).ShouldBeEmpty();
        (await store.StoredJsonAsync("Gate code")).ShouldBeEmpty();
        (await store.StoredJsonAsync("Sales Rep")).ShouldBe(["\"Ann\""]);
        (await store.StoredJsonAsync("Delivery notes")).ShouldBe(["\"Back door\""]);
    }

    [Fact]
    public async Task A_refused_seed_keeps_the_values_of_a_field_whose_type_it_would_have_changed()
    {
        var store = await SeededStoreAsync(EveryType);
        await store.CreateV3Async(Customer("ann@example.com", new { form_fields = Fields(("Employees", 12)) }));

        await Should.ThrowAsync<InvalidOperationException>(() => EnsureAsync(Seed(store.Hash,
            new FormFieldSeed { Name = "Employees", Type = "text" },
            new FormFieldSeed { Name = "Shoe size", Type = "shoe" })));
        await Should.ThrowAsync<InvalidOperationException>(() => EnsureAsync(
            Seed(store.Hash, new FormFieldSeed { Name = "Employees", Type = "text" }),
            Seed(TestStore.NewHash(), new FormFieldSeed { Name = "Size", Type = "picklist" })));

        (await DefinedAsync(store.Hash)).ShouldContain("3 customer Employees numbers []");
        (await store.StoredJsonAsync("Employees")).ShouldBe(["12"]);
    }
}

public sealed class FormFieldBootstrapTests_Sqlite(SqliteApi api) : FormFieldBootstrapTests(api), IClassFixture<SqliteApi>;

public sealed class FormFieldBootstrapTests_Postgres(PostgresApi api) : FormFieldBootstrapTests(api), IClassFixture<PostgresApi>;
