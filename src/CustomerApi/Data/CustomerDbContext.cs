using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerApi.Data;

public sealed class CustomerDbContext : DbContext
{
    public CustomerDbContext(DbContextOptions<CustomerDbContext> options)
        : base(options)
    {
        // A failed save inside a transaction always ends the request, rolled back, and never carries on with it; so the
        // savepoint EF would wrap each such save in is only two more round trips made while holding the store's lock.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Store> Stores => Set<Store>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerAttribute> CustomerAttributes => Set<CustomerAttribute>();
    public DbSet<CustomerAttributeValue> CustomerAttributeValues => Set<CustomerAttributeValue>();
    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();
    public DbSet<CustomerGroup> CustomerGroups => Set<CustomerGroup>();
    public DbSet<FormField> FormFields => Set<FormField>();
    public DbSet<CustomerConsent> CustomerConsents => Set<CustomerConsent>();
    public DbSet<CustomerSettings> CustomerSettings => Set<CustomerSettings>();
    public DbSet<ChannelSettings> ChannelSettings => Set<ChannelSettings>();
    public DbSet<FormFieldValue> FormFieldValues => Set<FormFieldValue>();
    public DbSet<CustomerMetafield> CustomerMetafields => Set<CustomerMetafield>();
    public DbSet<CustomerCountShard> CustomerCountShards => Set<CustomerCountShard>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomerDbContext).Assembly);

    // SQLite hands DateTimes back without a kind; every instant we store is UTC.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
