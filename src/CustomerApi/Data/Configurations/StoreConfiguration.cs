using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> store)
    {
        store.Property(s => s.Hash).HasMaxLength(Store.HashMaxLength);
        store.HasIndex(s => s.Hash).IsUnique();
        store.Property(s => s.Name).HasMaxLength(Store.NameMaxLength);
        store.HasMany(s => s.Tokens).WithOne().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}
