using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerConsentConfiguration : IEntityTypeConfiguration<CustomerConsent>
{
    public void Configure(EntityTypeBuilder<CustomerConsent> consent)
    {
        consent.HasKey(c => new { c.StoreId, c.CustomerId });

        // Deleting a customer (V2 or V3) deletes its consent, in the database itself.
        consent.HasOne<Customer>().WithMany().HasForeignKey(c => new { c.StoreId, c.CustomerId }).OnDelete(DeleteBehavior.Cascade);

        // Kept as text ("essential,analytics"): always read and written whole.
        var categories = new ValueConverter<string[], string>(list => string.Join(',', list), text => text.Split(',', StringSplitOptions.RemoveEmptyEntries));
        var comparer = new ValueComparer<string[]>((a, b) => a!.SequenceEqual(b!), list => string.Join(',', list).GetHashCode(StringComparison.Ordinal),
            list => list.ToArray());
        consent.Property(c => c.Allow).HasConversion(categories, comparer).HasMaxLength(64);
        consent.Property(c => c.Deny).HasConversion(categories, comparer).HasMaxLength(64);
    }
}
