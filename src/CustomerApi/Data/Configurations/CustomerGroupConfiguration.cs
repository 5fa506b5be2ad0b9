using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerGroupConfiguration : IEntityTypeConfiguration<CustomerGroup>
{
    public void Configure(EntityTypeBuilder<CustomerGroup> group)
    {
        group.HasKey(g => new { g.StoreId, g.Id });
        group.Property(g => g.Id).ValueGeneratedNever();
        group.HasOne<Store>().WithMany().HasForeignKey(g => g.StoreId).OnDelete(DeleteBehavior.Cascade);

        group.Property(g => g.Name).HasMaxLength(CustomerGroup.NameLength);
        group.Property(g => g.NameKey).HasMaxLength(CustomerGroup.NameLength);
        group.Property(g => g.CategoryAccessType).HasMaxLength(10);

        // The store key leads every index; one per filter GET /v2/customer_groups offers.
        group.HasIndex(g => new { g.StoreId, g.NameKey }).IsUnique();
        group.HasIndex(g => new { g.StoreId, g.IsDefault });
        group.HasIndex(g => new { g.StoreId, g.IsGroupForGuests });
        group.HasIndex(g => new { g.StoreId, g.DateCreated });
        group.HasIndex(g => new { g.StoreId, g.DateModified });
    }
}
