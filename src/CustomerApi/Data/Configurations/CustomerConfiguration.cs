using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
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

        // The store key leads every index; one index per filter the APIs offer.
        customer.HasIndex(c => new { c.StoreId, c.EmailKey }).IsUnique();
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
