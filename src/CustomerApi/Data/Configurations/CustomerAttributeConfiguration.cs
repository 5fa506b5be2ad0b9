using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerAttributeConfiguration : IEntityTypeConfiguration<CustomerAttribute>
{
    public void Configure(EntityTypeBuilder<CustomerAttribute> attribute)
    {
        attribute.HasKey(a => new { a.StoreId, a.Id });
        attribute.Property(a => a.Id).ValueGeneratedNever();
        attribute.HasOne<Store>().WithMany().HasForeignKey(a => a.StoreId).OnDelete(DeleteBehavior.Cascade);

        attribute.Property(a => a.Name).HasMaxLength(CustomerAttribute.NameLength);
        attribute.Property(a => a.NameKey).HasMaxLength(CustomerAttribute.NameLength);
        attribute.Property(a => a.Type).HasMaxLength(10);

        attribute.HasIndex(a => new { a.StoreId, a.NameKey }).IsUnique();
        attribute.HasIndex(a => new { a.StoreId, a.Type });
        attribute.HasIndex(a => new { a.StoreId, a.DateCreated });
        attribute.HasIndex(a => new { a.StoreId, a.DateModified });
    }
}
