using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> address)
    {
        address.HasKey(a => new { a.StoreId, a.Id });
        address.Property(a => a.Id).ValueGeneratedNever();

        // Deleting a customer (V2 or V3) deletes its addresses, in the database itself.
        address.HasOne<Customer>().WithMany().HasForeignKey(a => new { a.StoreId, a.CustomerId }).OnDelete(DeleteBehavior.Cascade);

        address.Property(a => a.FirstName).HasMaxLength(AddressLimits.Name);
        address.Property(a => a.LastName).HasMaxLength(AddressLimits.Name);
        address.Property(a => a.Company).HasMaxLength(AddressLimits.Company);
        address.Property(a => a.Street1).HasColumnName("street_1").HasMaxLength(AddressLimits.Street);
        address.Property(a => a.Street2).HasColumnName("street_2").HasMaxLength(AddressLimits.Street);
        address.Property(a => a.City).HasMaxLength(AddressLimits.City);
        address.Property(a => a.State).HasMaxLength(AddressLimits.State);
        address.Property(a => a.Zip).HasMaxLength(AddressLimits.Zip);
        address.Property(a => a.Country).HasMaxLength(AddressLimits.Country);
        address.Property(a => a.CountryIso2).HasColumnName("country_iso2").HasMaxLength(AddressLimits.CountryIso2);
        address.Property(a => a.Phone).HasMaxLength(AddressLimits.Phone);
        address.Property(a => a.AddressType).HasMaxLength(AddressLimits.AddressType);

        address.Property(a => a.NameKey).HasMaxLength(2 * AddressLimits.Name + 1);

        // A customer's addresses, in id order: every route reads through it. The others serve V3's name:in and company:in.
        address.HasIndex(a => new { a.StoreId, a.CustomerId, a.Id });
        address.HasIndex(a => new { a.StoreId, a.NameKey });
        address.HasIndex(a => new { a.StoreId, a.Company });
    }
}
