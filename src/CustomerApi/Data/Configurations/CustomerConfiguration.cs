using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.HasKey(c => new { c.StoreId, c.Id });
        customer.Property(c => c.Id).ValueGeneratedNever();
        customer.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Cascade);

        customer.Property(c => c.FirstName).HasMaxLength(CustomerLimits.Name);
        customer.Property(c => c.LastName).HasMaxLength(CustomerLimits.Name);
        customer.Property(c => c.Email).HasMaxLength(CustomerLimits.Email);
        customer.Property(c => c.EmailKey).HasMaxLength(CustomerLimits.Email);
        customer.Property(c => c.Company).HasMaxLength(CustomerLimits.Company);
        customer.Property(c => c.Phone).HasMaxLength(CustomerLimits.Phone);
        customer.Property(c => c.Notes).HasMaxLength(CustomerLimits.Notes);
        customer.Property(c => c.TaxExemptCategory).HasMaxLength(CustomerLimits.TaxExemptCategory);
        customer.Property(c => c.RegistrationIpAddress).HasMaxLength(CustomerLimits.RegistrationIpAddress);
        customer.Property(c => c.StoreCredit).HasPrecision(19, 4);
        customer.Property(c => c.NameKey).HasMaxLength(CustomerLimits.NameKey);
        customer.Property(c => c.OriginChannelId).HasDefaultValue(ChannelRules.DefaultChannel);

        // Kept as text ("1,2") on both databases: the channels are only ever read whole, per customer.
        customer.Property(c => c.ChannelIds).HasConversion(
            ids => ids == null ? null : string.Join(',', ids),
            text => text == null ? null : text.Split(',', StringSplitOptions.None).Select(int.Parse).ToArray(),
            new ValueComparer<int[]?>((a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                ids => ids == null ? 0 : ids.Aggregate(17, (hash, id) => hash * 31 + id),
                ids => ids == null ? null : ids.ToArray()));

        // The store key leads every index; one index per filter the APIs offer.
        // Not unique: one email may be two customers' on different channels (ChannelRules, EmailClaims).
        customer.HasIndex(c => new { c.StoreId, c.EmailKey });
        customer.HasIndex(c => new { c.StoreId, c.NameKey });
        customer.HasIndex(c => new { c.StoreId, c.RegistrationIpAddress });
        customer.HasIndex(c => new { c.StoreId, c.FirstName });
        customer.HasIndex(c => new { c.StoreId, c.LastName });
        customer.HasIndex(c => new { c.StoreId, c.Company });
        customer.HasIndex(c => new { c.StoreId, c.Phone });
        customer.HasIndex(c => new { c.StoreId, c.StoreCredit });
        customer.HasIndex(c => new { c.StoreId, c.CustomerGroupId });
        customer.HasIndex(c => new { c.StoreId, c.TaxExemptCategory });
        customer.HasIndex(c => new { c.StoreId, c.DateCreated });
        customer.HasIndex(c => new { c.StoreId, c.DateModified });
    }
}
